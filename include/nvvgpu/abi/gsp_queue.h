/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: layouts of the GSP-RM shared memory (message queues, element and
 * RPC headers, LibOS boot regions). These are identical in every firmware
 * release nvvgpu supports; what differs lives in fwif.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_GSP_QUEUE_H__
#define __NVVGPU_ABI_GSP_QUEUE_H__

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

/**
 * DOC: GSP shared block
 *
 * The host allocates one block holding a page table and both queues::
 *
 *   0x00000  PTE page: u64 bus address of each 4 KiB page of the block
 *   0x01000  cmdq header page: tx header (host), rx header (host)
 *   0x02000  cmdq slots 0..62 (host writes, GSP reads)
 *   0x41000  statq header page: tx header (GSP), rx header (GSP)
 *   0x42000  statq slots 0..62 (GSP writes, host reads)
 *   0x81000  end
 *
 * With MSGQ_FLAGS_SWAP_RX each side keeps its *read* pointer for the peer's
 * queue in the rx header of its own queue, so every header page has exactly
 * one writer: the host's statq read pointer is cmdq.rx.readPtr, GSP's cmdq
 * read pointer is statq.rx.readPtr. Pointers are slot indices.
 */
#define NVGSP_PAGE_SIZE			0x1000
#define NVGSP_QUEUE_SIZE		0x40000
#define NVGSP_QUEUE_SLOT_SIZE		NVGSP_PAGE_SIZE
#define NVGSP_QUEUE_ENTRY_OFF		NVGSP_PAGE_SIZE
#define NVGSP_QUEUE_RX_HDR_OFF		0x20
#define NVGSP_QUEUE_SLOTS	\
	((NVGSP_QUEUE_SIZE - NVGSP_QUEUE_ENTRY_OFF) / NVGSP_QUEUE_SLOT_SIZE)
#define NVGSP_PTE_PAGE_SIZE		NVGSP_PAGE_SIZE
#define NVGSP_CMDQ_OFFSET		NVGSP_PTE_PAGE_SIZE
#define NVGSP_STATQ_OFFSET		(NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_SIZE)
#define NVGSP_SHARED_SIZE		(NVGSP_STATQ_OFFSET + NVGSP_QUEUE_SIZE)
#define NVGSP_SHARED_PTES		(NVGSP_SHARED_SIZE / NVGSP_PAGE_SIZE)
#define NVGSP_MSGQ_VERSION		0
#define NVGSP_MSGQ_FLAGS_SWAP_RX	0x1

static_assert(NVGSP_QUEUE_SLOTS == 63);
static_assert(NVGSP_SHARED_SIZE == 0x81000);
static_assert(NVGSP_SHARED_PTES == 129);
static_assert(NVGSP_SHARED_PTES * 8 <= NVGSP_PTE_PAGE_SIZE);

/**
 * struct nvgsp_msgq_tx_header - producer header of one queue (msgqTxHeader)
 * @version: queue format version, %NVGSP_MSGQ_VERSION
 * @size: bytes of the queue including its header page
 * @msg_size: bytes per slot
 * @msg_count: number of slots
 * @write_ptr: producer index of the next free slot
 * @flags: %NVGSP_MSGQ_FLAGS_SWAP_RX
 * @rx_hdr_off: offset of the rx header from the queue start
 * @entry_off: offset of slot 0 from the queue start
 */
struct nvgsp_msgq_tx_header {
	u32 version;
	u32 size;
	u32 msg_size;
	u32 msg_count;
	u32 write_ptr;
	u32 flags;
	u32 rx_hdr_off;
	u32 entry_off;
};

/**
 * struct nvgsp_msgq_rx_header - consumer header (msgqRxHeader)
 * @read_ptr: consumer index for the *other* queue (swap-rx)
 */
struct nvgsp_msgq_rx_header {
	u32 read_ptr;
};

static_assert(sizeof(struct nvgsp_msgq_tx_header) == 32);
static_assert(sizeof(struct nvgsp_msgq_rx_header) == 4);
static_assert(offsetof(struct nvgsp_msgq_tx_header, write_ptr) == 16);
static_assert(offsetof(struct nvgsp_msgq_tx_header, entry_off) == 28);

/*
 * Element (GSP_MSG_QUEUE_ELEMENT): 48-byte header in the first slot of a
 * message, then the RPC header and payload; continuation slots carry the
 * raw byte stream, wrapping from slot 62 to slot 0.
 */
#define NVGSP_MSG_HDR_SIZE		48
#define NVGSP_MSG_MIN_SIZE		NVGSP_QUEUE_SLOT_SIZE
#define NVGSP_MSG_MAX_SIZE		(16 * NVGSP_QUEUE_SLOT_SIZE)
#define NVGSP_MSG_MAX_SLOTS		(NVGSP_MSG_MAX_SIZE / NVGSP_QUEUE_SLOT_SIZE)
#define NVGSP_RPC_HDR_SIZE		32
/* largest RPC (header + payload) and payload in one element */
#define NVGSP_RPC_MAX_SIZE		(NVGSP_MSG_MAX_SIZE - NVGSP_MSG_HDR_SIZE)
#define NVGSP_RPC_MAX_PAYLOAD		(NVGSP_RPC_MAX_SIZE - NVGSP_RPC_HDR_SIZE)

static_assert(NVGSP_RPC_MAX_SIZE == 65488);
static_assert(NVGSP_RPC_MAX_PAYLOAD == 65456);

#define NVGSP_RPC_HEADER_VERSION	0x03000000
#define NVGSP_RPC_SIGNATURE		0x43505256	/* "VRPC" */
#define NVGSP_RPC_RESULT_PENDING	0xffffffff

/**
 * struct nvgsp_rpc_header - RPC header (rpc_message_header_v03_00)
 * @header_version: %NVGSP_RPC_HEADER_VERSION
 * @signature: %NVGSP_RPC_SIGNATURE
 * @length: bytes of this header plus payload
 * @function: NV_VGPU_MSG_FUNCTION_* or an event number
 * @rpc_result: NV_STATUS or RPC error of the dispatch; PENDING in requests
 * @rpc_result_private: secondary status; PENDING in requests
 * @sequence: per-RPC sequence (0 unless the firmware version uses it)
 * @cpu_rm_gfid: GFID of the calling host vGPU device, 0 for the PF
 */
struct nvgsp_rpc_header {
	u32 header_version;
	u32 signature;
	u32 length;
	u32 function;
	u32 rpc_result;
	u32 rpc_result_private;
	u32 sequence;
	u32 cpu_rm_gfid;
};

/**
 * struct nvgsp_msg_element - queue element header (GSP_MSG_QUEUE_ELEMENT)
 * @auth_tag: confidential-computing tag, zero
 * @aad: confidential-computing AAD, zero
 * @checksum: makes the XOR checksum of the covered range zero
 * @seq_num: transport sequence, per message and per direction from 0
 * @elem_count: slots the message occupies
 * @pad: zero
 * @rpc: the RPC header; payload follows
 */
struct nvgsp_msg_element {
	u8 auth_tag[16];
	u8 aad[16];
	u32 checksum;
	u32 seq_num;
	u32 elem_count;
	u32 pad;
	struct nvgsp_rpc_header rpc;
};

static_assert(sizeof(struct nvgsp_rpc_header) == NVGSP_RPC_HDR_SIZE);
static_assert(offsetof(struct nvgsp_msg_element, checksum) == 32);
static_assert(offsetof(struct nvgsp_msg_element, seq_num) == 36);
static_assert(offsetof(struct nvgsp_msg_element, elem_count) == 40);
static_assert(offsetof(struct nvgsp_msg_element, rpc) == NVGSP_MSG_HDR_SIZE);
static_assert(sizeof(struct nvgsp_msg_element) == 80);

/**
 * struct nvgsp_libos_region - LibOS memory region (LibosMemoryRegionInitArgument)
 * @id8: name packed big-endian into a u64, see nvgsp_libos_id8()
 * @pa: bus address
 * @size: bytes
 * @kind: %NVGSP_LIBOS_KIND_CONTIGUOUS
 * @loc: %NVGSP_LIBOS_LOC_SYSMEM
 * @pad: zero
 */
struct nvgsp_libos_region {
	u64 id8;
	u64 pa;
	u64 size;
	u8 kind;
	u8 loc;
	u8 pad[6];
};

static_assert(sizeof(struct nvgsp_libos_region) == 32);

#define NVGSP_LIBOS_KIND_CONTIGUOUS	1
#define NVGSP_LIBOS_LOC_SYSMEM		1
#define NVGSP_LIBOS_MAX_REGIONS	\
	(NVGSP_PAGE_SIZE / sizeof(struct nvgsp_libos_region))
#define NVGSP_LIBOS_LOG_SIZE		0x10000

/**
 * nvgsp_libos_id8() - pack a region name the way LibOS looks it up
 * @name: up to 8 ASCII characters
 *
 * Return: each character shifted in from the right, first one highest.
 */
static inline u64 nvgsp_libos_id8(const char *name)
{
	u64 id = 0;
	int i;

	for (i = 0; i < 8 && name[i]; i++)
		id = (id << 8) | (u8)name[i];
	return id;
}

/**
 * struct nvgsp_mq_init_args_r535 - MESSAGE_QUEUE_INIT_ARGUMENTS up to 550
 * @shared_mem_pa: bus address of the shared block (its PTE page)
 * @pte_count: entries in the PTE page
 * @pad: zero
 * @cmdq_offset: cmdq header offset in the block
 * @statq_offset: statq header offset in the block
 * @lockless_cmdq_offset: unused, zero
 * @lockless_statq_offset: unused, zero
 */
struct nvgsp_mq_init_args_r535 {
	u64 shared_mem_pa;
	u32 pte_count;
	u32 pad;
	u64 cmdq_offset;
	u64 statq_offset;
	u64 lockless_cmdq_offset;
	u64 lockless_statq_offset;
};

/**
 * struct nvgsp_mq_init_args_r570 - MESSAGE_QUEUE_INIT_ARGUMENTS from 555 on
 * @shared_mem_pa: bus address of the shared block
 * @pte_count: entries in the PTE page
 * @pad: zero
 * @cmdq_offset: cmdq header offset in the block
 * @statq_offset: statq header offset in the block
 */
struct nvgsp_mq_init_args_r570 {
	u64 shared_mem_pa;
	u32 pte_count;
	u32 pad;
	u64 cmdq_offset;
	u64 statq_offset;
};

/**
 * struct nvgsp_sr_init_args - GSP_SR_INIT_ARGUMENTS
 * @old_level: power level resumed from, 0 on cold boot
 * @flags: zero
 * @in_pm_transition: resume from suspend
 * @pad: zero
 */
struct nvgsp_sr_init_args {
	u32 old_level;
	u32 flags;
	u8 in_pm_transition;
	u8 pad[3];
};

/**
 * struct nvgsp_profiler_args - profiler buffer of GSP_ARGUMENTS_CACHED
 * @pa: bus address, 0 when unused
 * @size: bytes
 */
struct nvgsp_profiler_args {
	u64 pa;
	u64 size;
};

/**
 * struct nvgsp_args_cached_r535 - GSP_ARGUMENTS_CACHED ("RMARGS"), 535.113.01
 * @mq: message-queue arguments
 * @sr: suspend/resume arguments
 * @gpu_instance: zero
 * @profiler: zero
 */
struct nvgsp_args_cached_r535 {
	struct nvgsp_mq_init_args_r535 mq;
	struct nvgsp_sr_init_args sr;
	u32 gpu_instance;
	struct nvgsp_profiler_args profiler;
};

/**
 * struct nvgsp_args_cached_r570 - GSP_ARGUMENTS_CACHED, 570.144
 * @mq: message-queue arguments (lockless offsets gone)
 * @sr: suspend/resume arguments
 * @gpu_instance: zero
 * @dmem_stack: bDmemStack, new in 570; zero
 * @pad: zero
 * @profiler: zero
 */
struct nvgsp_args_cached_r570 {
	struct nvgsp_mq_init_args_r570 mq;
	struct nvgsp_sr_init_args sr;
	u32 gpu_instance;
	u8 dmem_stack;
	u8 pad[7];
	struct nvgsp_profiler_args profiler;
};

static_assert(sizeof(struct nvgsp_mq_init_args_r535) == 48);
static_assert(sizeof(struct nvgsp_mq_init_args_r570) == 32);
static_assert(sizeof(struct nvgsp_sr_init_args) == 12);
static_assert(sizeof(struct nvgsp_args_cached_r535) == 80);
static_assert(offsetof(struct nvgsp_args_cached_r535, sr) == 48);
static_assert(offsetof(struct nvgsp_args_cached_r535, gpu_instance) == 60);
static_assert(offsetof(struct nvgsp_args_cached_r535, profiler) == 64);
static_assert(offsetof(struct nvgsp_args_cached_r570, dmem_stack) == 48);
static_assert(offsetof(struct nvgsp_args_cached_r570, profiler) == 56);
static_assert(sizeof(struct nvgsp_args_cached_r570) == 72);

#endif /* __NVVGPU_ABI_GSP_QUEUE_H__ */
