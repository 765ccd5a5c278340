/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: channels, pushbuffers and the classes the engines execute, with
 * NVIDIA's numbers (open-gpu-kernel-modules 570.144: clc56f.h, clc6b5.h,
 * clc361.h, alloc_channel.h, dev_vm.h of GA102, nverror.h).
 *
 * Everything here is NVIDIA's unless its name starts with NVVGPU_SIM_: those
 * are the simulated GPU's own, documented in Documentation/sim-hardware.rst.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_NV_CHANNEL_H__
#define __NVVGPU_ABI_NV_CHANNEL_H__

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* classes */
#define AMPERE_CHANNEL_GPFIFO_A			0xc56f
#define AMPERE_DMA_COPY_A			0xc6b5
#define AMPERE_COMPUTE_A			0xc6c0
#define VOLTA_USERMODE_A			0xc361

/* NV2080_ENGINE_TYPE_* of the engines a channel may be bound to */
#define NV2080_ENGINE_TYPE_GR0			0x01
#define NV2080_ENGINE_TYPE_COPY0		0x09
#define NV2080_ENGINE_TYPE_COPY1		0x0a

/* GPFIFO entry (NVC56F_GP_ENTRY0/1): two dwords, 8 bytes */
#define NVC56F_GP_ENTRY__SIZE			8
#define NVC56F_GP_ENTRY0_GET			GENMASK(31, 2)
#define NVC56F_GP_ENTRY1_GET_HI			GENMASK(7, 0)
#define NVC56F_GP_ENTRY1_LEVEL_SUBROUTINE	BIT(9)
#define NVC56F_GP_ENTRY1_LENGTH			GENMASK(30, 10)
#define NVC56F_GP_ENTRY1_SYNC_WAIT		BIT(31)

/* pushbuffer method header */
#define NVC56F_DMA_METHOD_ADDRESS		GENMASK(11, 0)	/* dword address */
#define NVC56F_DMA_METHOD_SUBCHANNEL		GENMASK(15, 13)
#define NVC56F_DMA_METHOD_COUNT			GENMASK(28, 16)
#define NVC56F_DMA_IMMD_DATA			GENMASK(28, 16)
#define NVC56F_DMA_SEC_OP			GENMASK(31, 29)
#define NVC56F_DMA_SEC_OP_GRP0_USE_TERT		0
#define NVC56F_DMA_SEC_OP_INC_METHOD		1
#define NVC56F_DMA_SEC_OP_GRP2_USE_TERT		2
#define NVC56F_DMA_SEC_OP_NON_INC_METHOD	3
#define NVC56F_DMA_SEC_OP_IMMD_DATA_METHOD	4
#define NVC56F_DMA_SEC_OP_ONE_INC		5
#define NVC56F_DMA_SEC_OP_END_PB_SEGMENT	7

/* host (channel class) methods, executed whatever the subchannel */
#define NVC56F_SET_OBJECT			0x0000
#define NVC56F_SET_OBJECT_NVCLASS		GENMASK(15, 0)
#define NVC56F_NOP				0x0008
#define NVC56F_NON_STALL_INTERRUPT		0x0020
#define NVC56F_SEM_ADDR_LO			0x005c	/* bits 31:2 */
#define NVC56F_SEM_ADDR_HI			0x0060	/* bits 7:0 */
#define NVC56F_SEM_PAYLOAD_LO			0x0064
#define NVC56F_SEM_PAYLOAD_HI			0x0068
#define NVC56F_SEM_EXECUTE			0x006c
#define NVC56F_SEM_EXECUTE_OPERATION		GENMASK(2, 0)
#define NVC56F_SEM_EXECUTE_OPERATION_RELEASE	1
#define NVC56F_SEM_EXECUTE_RELEASE_WFI		BIT(20)
#define NVC56F_SEM_EXECUTE_PAYLOAD_SIZE_64BIT	BIT(24)
#define NVC56F_SEM_EXECUTE_RELEASE_TIMESTAMP	BIT(25)
#define NVC56F_WFI				0x0078
/* methods below this address are the host's; the rest go to the engine */
#define NVC56F_HOST_METHOD_LIMIT		0x0100

/* USERD (Nvc56fControl): the channel's control page */
#define NVC56F_USERD_GP_GET			0x0088
#define NVC56F_USERD_GP_PUT			0x008c
#define NVC56F_USERD_SIZE			0x0200

/* copy engine class */
#define NVC6B5_NOP				0x0100
#define NVC6B5_SET_SEMAPHORE_A			0x0240	/* upper address, 7:0 */
#define NVC6B5_SET_SEMAPHORE_B			0x0244	/* lower address */
#define NVC6B5_SET_SEMAPHORE_PAYLOAD		0x0248
#define NVC6B5_LAUNCH_DMA			0x0300
#define NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE	GENMASK(1, 0)
#define NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE_NONE	0
#define NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE	GENMASK(4, 3)
#define NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_NONE	0
#define NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE 1
#define NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE	GENMASK(6, 5)
#define NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE_NONE	0
#define NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE_NON_BLOCKING 2
#define NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH BIT(7)
#define NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH BIT(8)
#define NVC6B5_LAUNCH_DMA_MULTI_LINE_ENABLE	BIT(9)
#define NVC6B5_LAUNCH_DMA_REMAP_ENABLE		BIT(10)
#define NVC6B5_OFFSET_IN_UPPER			0x0400
#define NVC6B5_OFFSET_IN_LOWER			0x0404
#define NVC6B5_OFFSET_OUT_UPPER			0x0408
#define NVC6B5_OFFSET_OUT_LOWER			0x040c
#define NVC6B5_PITCH_IN				0x0410
#define NVC6B5_PITCH_OUT			0x0414
#define NVC6B5_LINE_LENGTH_IN			0x0418
#define NVC6B5_LINE_COUNT			0x041c
#define NVC6B5_SET_REMAP_CONST_A		0x0700
#define NVC6B5_SET_REMAP_COMPONENTS		0x0708
#define NVC6B5_SET_REMAP_COMPONENTS_DST_X	GENMASK(2, 0)
#define NVC6B5_SET_REMAP_COMPONENTS_DST_X_CONST_A 4
#define NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE GENMASK(17, 16)
#define NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE_FOUR 3
#define NVC6B5_SET_REMAP_COMPONENTS_NUM_DST_COMPONENTS GENMASK(25, 24)

/*
 * The simulated compute engine's stand-in for a grid launch: occupy the
 * engine for a number of nanoseconds. Real AMPERE_COMPUTE_A launches take
 * a QMD; the sim takes the duration in its software-method range.
 */
#define NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO		0x3400
#define NVVGPU_SIM_COMPUTE_LAUNCH_NS_HI		0x3404
#define NVVGPU_SIM_COMPUTE_LAUNCH		0x3408
#define NVVGPU_SIM_COMPUTE_PREEMPT_MODE		0x340c
#define NVVGPU_SIM_COMPUTE_PREEMPT_CTA		0
#define NVVGPU_SIM_COMPUTE_PREEMPT_WFI		1
/* a launch runs in quanta this long, preemptible between them (mode CTA) */
#define NVVGPU_SIM_CTA_NS			100000

/* usermode doorbell (VOLTA_USERMODE_A), in the PF's BAR0 and a VF's */
#define NV_USERMODE_BASE			0x00810000
#define NVC361_NOTIFY_CHANNEL_PENDING		0x0090
#define NV_VIRTUAL_FUNCTION_BASE		0x00030000
#define NV_VIRTUAL_FUNCTION_DOORBELL		0x00030090

/* a VF's privileged window (dev_vm.h, GA102) */
#define NV_VIRTUAL_FUNCTION_PRIV_SIZE		0x00030000
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(i)	(0x1000 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(i)	(0x1200 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(i)	(0x1400 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF__SIZE_1	8
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP(i)	(0x1600 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(i)	(0x1608 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(i)	(0x1610 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(i)	(0x2100 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_DOORBELL	0x2200
#define NV_VIRTUAL_FUNCTION_PRIV_TIMER		0x2300	/* low word, ns */
#define NV_VIRTUAL_FUNCTION_PRIV_TIMER_HI	0x2304
#define NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_LO	0x3080
#define NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_HI	0x3084
#define NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INST_LO	0x3088
#define NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INFO	0x3090
#define NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS	0x3094

/*
 * The sim's use of the VF interrupt tree: leaf 0 carries these bits, each
 * enabled through LEAF_EN_SET(0) and cleared by writing 1 to LEAF(0).
 */
#define NVVGPU_SIM_VF_INTR_NONSTALL		BIT(0)	/* semaphore/NON_STALL */
#define NVVGPU_SIM_VF_INTR_RPC			BIT(1)	/* plugin replied */
#define NVVGPU_SIM_VF_INTR_CHANNEL_ERROR	BIT(2)	/* a channel faulted */

/*
 * The plugin mailbox in MAILBOX_SCRATCH: the guest puts an RPC message
 * (rpc_message_header_v + payload) at a 4 KiB-aligned offset of its own
 * framebuffer, writes that offset to SCRATCH(0)/(1), and writes a sequence
 * number to NV_VIRTUAL_FUNCTION_PRIV_DOORBELL. The plugin answers in the
 * same buffer, stores the sequence number in SCRATCH(2) and raises
 * NVVGPU_SIM_VF_INTR_RPC.
 */
#define NVVGPU_SIM_VF_RPC_ADDR_LO		NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(0)
#define NVVGPU_SIM_VF_RPC_ADDR_HI		NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(1)
#define NVVGPU_SIM_VF_RPC_SEQ_DONE		NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(2)
#define NVVGPU_SIM_VF_RPC_BUF_SIZE		4096

/* NV_VGPU_MSG_FUNCTION_* a guest sends to its plugin */
#define NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA	6

/* ROBUST_CHANNEL_* (Xid) the engines report */
#define ROBUST_CHANNEL_GR_EXCEPTION		13
#define ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT	31
#define ROBUST_CHANNEL_PBDMA_ERROR		32
#define ROBUST_CHANNEL_RESETCHANNEL_VERIF_ERROR	43
#define ROBUST_CHANNEL_PREEMPTIVE_REMOVAL	45
#define ROBUST_CHANNEL_GPU_ECC_DBE		48

#define NV_MAX_SUBDEVICES			8
#define CC_CHAN_ALLOC_IV_SIZE_DWORD		3
#define CC_CHAN_ALLOC_NONCE_SIZE_DWORD		8

/* NV_MEMORY_DESC_PARAMS.addressSpace (nvos.h) */
#define ADDR_SYSMEM				1
#define ADDR_FBMEM				2

/**
 * struct nv_memory_desc_params - NV_MEMORY_DESC_PARAMS
 * @base: address
 * @size: bytes
 * @address_space: ADDR_FBMEM (2) or ADDR_SYSMEM (1)
 * @cache_attrib: cache attribute
 */
struct nv_memory_desc_params {
	u64 base;
	u64 size;
	u32 address_space;
	u32 cache_attrib;
};

/**
 * struct nv_channel_alloc_params - NV_CHANNEL_ALLOC_PARAMS
 * @h_object_error: error notifier context DMA
 * @h_object_buffer: unused
 * @gp_fifo_offset: GPU address of the GPFIFO ring
 * @gp_fifo_entries: entries in the ring (power of two)
 * @flags: NVOS04_FLAGS_*
 * @h_context_share: context share
 * @h_va_space: VA space
 * @h_userd_memory: USERD memory per subdevice
 * @userd_offset: USERD offset per subdevice
 * @engine_type: NV2080_ENGINE_TYPE_* the channel runs on
 * @cid: channel ID hint
 * @sub_device_id: subdevice
 * @h_object_ecc_error: ECC error notifier
 * @instance_mem: instance block
 * @userd_mem: USERD; the sim reads @userd_mem.base as the USERD address
 * @ramfc_mem: RAMFC
 * @mthdbuf_mem: method buffer
 * @h_phys_channel_group: reserved
 * @internal_flags: reserved
 * @error_notifier_mem: reserved
 * @ecc_error_notifier_mem: reserved
 * @process_id: reserved
 * @sub_process_id: reserved
 * @encrypt_iv: reserved
 * @decrypt_iv: reserved
 * @hmac_nonce: reserved
 */
struct nv_channel_alloc_params {
	u32 h_object_error;
	u32 h_object_buffer;
	u64 gp_fifo_offset;
	u32 gp_fifo_entries;
	u32 flags;
	u32 h_context_share;
	u32 h_va_space;
	u32 h_userd_memory[NV_MAX_SUBDEVICES];
	u64 userd_offset[NV_MAX_SUBDEVICES];
	u32 engine_type;
	u32 cid;
	u32 sub_device_id;
	u32 h_object_ecc_error;
	struct nv_memory_desc_params instance_mem;
	struct nv_memory_desc_params userd_mem;
	struct nv_memory_desc_params ramfc_mem;
	struct nv_memory_desc_params mthdbuf_mem;
	u32 h_phys_channel_group;
	u32 internal_flags;
	struct nv_memory_desc_params error_notifier_mem;
	struct nv_memory_desc_params ecc_error_notifier_mem;
	u32 process_id;
	u32 sub_process_id;
	u32 encrypt_iv[CC_CHAN_ALLOC_IV_SIZE_DWORD];
	u32 decrypt_iv[CC_CHAN_ALLOC_IV_SIZE_DWORD];
	u32 hmac_nonce[CC_CHAN_ALLOC_NONCE_SIZE_DWORD];
};

static_assert(offsetof(struct nv_channel_alloc_params, gp_fifo_offset) == 8);
static_assert(offsetof(struct nv_channel_alloc_params, h_userd_memory) == 32);
static_assert(offsetof(struct nv_channel_alloc_params, userd_offset) == 64);
static_assert(offsetof(struct nv_channel_alloc_params, engine_type) == 128);
static_assert(offsetof(struct nv_channel_alloc_params, instance_mem) == 144);
static_assert(offsetof(struct nv_channel_alloc_params, userd_mem) == 168);
static_assert(offsetof(struct nv_channel_alloc_params, error_notifier_mem) == 248);
static_assert(sizeof(struct nv_channel_alloc_params) == 360);

/**
 * struct nvvgpu_sim_alloc_channel - ALLOC_CHANNEL_DMA payload a guest sends
 * @h_client: the guest's RM client
 * @h_parent: parent object (the guest's device)
 * @h_channel: handle the guest gives the channel
 * @h_class: AMPERE_CHANNEL_GPFIFO_A
 * @params: channel parameters; addresses are offsets in the guest's FB
 * @chid: out: the channel ID, also the work-submit token for the doorbell
 *
 * NVIDIA does not publish rpc_alloc_channel_dma_v*; this wrapper is the
 * sim's, around NVIDIA's NV_CHANNEL_ALLOC_PARAMS.
 */
struct nvvgpu_sim_alloc_channel {
	u32 h_client;
	u32 h_parent;
	u32 h_channel;
	u32 h_class;
	struct nv_channel_alloc_params params;
	u32 chid;
	u32 pad;
};

static_assert(sizeof(struct nvvgpu_sim_alloc_channel) == 384);

/*
 * Host channels: a VA space (cl90f1.h, nvos.h) and the Volta GPFIFO control
 * interface every Volta+ channel class answers (ctrlc36f.h). Layouts are
 * the same in 535.113.01 and 570.144.
 */
#define FERMI_VASPACE_A				0x90f1
#define NV_VASPACE_ALLOCATION_INDEX_GPU_NEW	0x00
#define VOLTA_CHANNEL_GPFIFO_A			0xc36f
#define NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN	0xc36f0108

/**
 * struct nv_vaspace_alloc_params - NV_VASPACE_ALLOCATION_PARAMETERS
 * @index: NV_VASPACE_ALLOCATION_INDEX_*
 * @flags: NV_VASPACE_ALLOCATION_FLAGS_*
 * @va_size: one past the highest GPU virtual address (VA limit + 1)
 * @va_start_internal: start of RM's internal range
 * @va_limit_internal: its limit
 * @big_page_size: 0 for the default
 * @va_base: lowest GPU virtual address of the initial range
 */
struct nv_vaspace_alloc_params {
	u32 index;
	u32 flags;
	u64 va_size;
	u64 va_start_internal;
	u64 va_limit_internal;
	u32 big_page_size;
	u64 va_base;
};

static_assert(offsetof(struct nv_vaspace_alloc_params, va_size) == 8);
static_assert(offsetof(struct nv_vaspace_alloc_params, big_page_size) == 32);
static_assert(offsetof(struct nv_vaspace_alloc_params, va_base) == 40);
static_assert(sizeof(struct nv_vaspace_alloc_params) == 48);

/**
 * struct nvc36f_ctrl_get_work_submit_token_params -
 *	NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS
 * @work_submit_token: out, the value to write to NOTIFY_CHANNEL_PENDING
 */
struct nvc36f_ctrl_get_work_submit_token_params {
	u32 work_submit_token;
};

static_assert(sizeof(struct nvc36f_ctrl_get_work_submit_token_params) == 4);

#endif /* __NVVGPU_ABI_NV_CHANNEL_H__ */
