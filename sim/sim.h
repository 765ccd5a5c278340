/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sim: functions shared by the files of the simulated GPU.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SIM_H__
#define __NVVGPU_SIM_H__

#include <linux/device.h>
#include <linux/platform_device.h>

#include <nvvgpu/abi/nv_channel.h>

#include "sim_types.h"

struct seq_file;

#define sim_dev(sim)	((sim)->dev)

/* sim_regs.c: BAR0 */
u32 sim_rd32(struct nvvgpu_pgpu *pgpu, u32 addr);
void sim_wr32(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val);
u32 sim_reg_read(struct sim_gpu *sim, u32 addr);
void sim_reg_write(struct sim_gpu *sim, u32 addr, u32 val);
void sim_reg_poke(struct sim_gpu *sim, u32 addr, u32 val);
void sim_reg_mask(struct sim_gpu *sim, u32 addr, u32 clear, u32 set);
void sim_irq_raise(struct sim_gpu *sim, u32 bits);

/* sim_mem.c: DMA memory and framebuffer */
void *sim_dma_alloc(struct nvvgpu_pgpu *pgpu, size_t size, dma_addr_t *addr);
void sim_dma_free(struct nvvgpu_pgpu *pgpu, size_t size, void *vaddr,
		  dma_addr_t addr);
struct page *sim_fb_page(struct nvvgpu_pgpu *pgpu, u64 offset);
int sim_fb_pfn(struct nvvgpu_pgpu *pgpu, u64 offset, unsigned long *pfn);
int sim_fb_rw(struct nvvgpu_pgpu *pgpu, u64 offset, void *buf, size_t len,
	      bool write);
int sim_fb_clear(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size);
void *sim_mem_map(struct sim_gpu *sim, u64 bus, size_t len);
u64 sim_fb_used(struct sim_gpu *sim, u64 base, u64 size);
void sim_mem_init(struct sim_gpu *sim);
void sim_mem_fini(struct sim_gpu *sim);

/* sim_space.c: a function's address space */
int sim_space_init(struct sim_gpu *sim, u32 gfid, struct sim_space *sp);
void sim_space_fini(struct sim_space *sp);
bool sim_space_contains(const struct sim_space *sp, u64 addr, u64 len);
int sim_space_rw(struct sim_gpu *sim, const struct sim_space *sp, u64 addr,
		 void *buf, size_t len, bool write);
bool sim_space_find_phys(const struct sim_space *sp, u64 addr, u64 len,
			 u64 phys, u64 plen, u64 *at);

/*
 * sim_channel.c, sim_engine.c, sim_pushbuf.c: channels and the engines
 * that run them (Documentation/sim-hardware.rst). Lock order: the
 * emulator's gsp.lock, then an engine's or the channel table's locks,
 * then a VF's register lock (sim_vf.c), innermost.
 */
int sim_engines_init(struct sim_gpu *sim);
void sim_engines_fini(struct sim_gpu *sim);
u32 sim_channel_alloc(struct sim_gpu *sim, u32 gfid, u32 handle,
		      const struct nv_channel_alloc_params *p, u32 *chid);
u32 sim_channel_alloc_host(struct sim_gpu *sim, u32 handle,
			   const struct nv_channel_alloc_params *p,
			   const struct sim_rm_object *vas, u32 *chid);
u32 sim_channel_free(struct sim_gpu *sim, u32 gfid, u32 handle);
void sim_channels_free_all(struct sim_gpu *sim, u32 gfid);
void sim_channel_doorbell(struct sim_gpu *sim, u32 gfid, u32 token);
void sim_set_owner(struct nvvgpu_pgpu *pgpu, u32 gfid);
void sim_engines_set_owner(struct sim_gpu *sim, u32 gfid);
void sim_engine_counters(struct sim_gpu *sim, u32 engine, u32 gfid,
			 u64 *busy_ns, u64 *preempt_ns);
bool sim_has_work(struct nvvgpu_pgpu *pgpu, u32 gfid);
int sim_engine_stats(struct nvvgpu_pgpu *pgpu, u32 engine, u32 gfid,
		     struct nvvgpu_engine_stats *out);
void sim_set_preempt_timeout(struct nvvgpu_pgpu *pgpu, u32 gfid,
			     u32 timeout_us);
void sim_engine_work_update(struct sim_gpu *sim, u32 gfid);
int sim_engine_set_ctxsw(struct sim_gpu *sim, u64 us);
void sim_engines_show(struct seq_file *m, struct sim_gpu *sim);
int sim_engine_inject_hang(struct sim_gpu *sim, u64 index);
int sim_engine_inject_mmu_fault(struct sim_gpu *sim, u64 chid);
int sim_engine_inject_ecc(struct sim_gpu *sim, u64 addr);
void sim_engine_ecc_show(struct seq_file *m, struct sim_gpu *sim);
int sim_engine_set_preempt_timeout(struct sim_gpu *sim, u64 ms);

/* sim_vf.c: a VF's BAR0 windows, its interrupt tree, the plugin mailbox */
int sim_vf_read(struct nvvgpu_pgpu *pgpu, u32 gfid, u32 offset, u32 *val);
int sim_vf_write(struct nvvgpu_pgpu *pgpu, u32 gfid, u32 offset, u32 val);
void sim_vf_flr(struct nvvgpu_pgpu *pgpu, u32 gfid);
void sim_vf_raise(struct sim_gpu *sim, u32 gfid, u32 chid, u32 bits);
void sim_vf_channel_error(struct sim_gpu *sim, u32 gfid, u32 chid, u32 xid,
			  u64 addr);
void sim_vf_teardown(struct sim_gpu *sim, u32 gfid);
void sim_vf_init(struct sim_gpu *sim);
void sim_vf_fini(struct sim_gpu *sim);
void sim_vf_show(struct seq_file *m, struct sim_gpu *sim);
#if IS_ENABLED(CONFIG_KUNIT)
u32 sim_vf_rpc_serve(struct sim_gpu *sim, u32 gfid, u64 addr);
u32 sim_vf_channel_alloc(struct sim_gpu *sim, u32 gfid, u32 handle,
			 const struct nv_channel_alloc_params *p, u32 *chid);
u32 sim_vf_channel_free(struct sim_gpu *sim, u32 gfid, u32 handle);
void sim_vf_channels_free_all(struct sim_gpu *sim, u32 gfid);
void sim_vf_channel_doorbell(struct sim_gpu *sim, u32 gfid, u32 token);
#endif

/* sim_gsp.c: the firmware emulator's transport */
int sim_gsp_init(struct sim_gpu *sim);
void sim_gsp_fini(struct sim_gpu *sim);
void sim_gsp_start(struct sim_gpu *sim);
void sim_gsp_doorbell(struct sim_gpu *sim);
void sim_gsp_reset(struct sim_gpu *sim);
void sim_gsp_engine_reset(struct sim_gpu *sim);
void sim_gsp_inject_unsolicited(struct sim_gpu *sim, u32 function);
int sim_gsp_inject_event(struct sim_gpu *sim, const char *name, u32 arg);
void sim_gsp_forget(struct sim_gpu *sim, u64 bus, size_t size);
void sim_gsp_inject_crash(struct sim_gpu *sim);
void sim_gsp_kick(struct sim_gpu *sim);
void sim_gsp_crash(struct sim_gpu *sim, enum sim_gsp_fatal reason, u8 code,
		   const char *why);
const char *sim_gsp_state_name(enum sim_gsp_state state);

/* sim_gsp_rm.c: RM objects and controls */
int sim_rm_init(struct sim_gpu *sim);
void sim_rm_fini(struct sim_gpu *sim);
u32 sim_rm_alloc(struct sim_gpu *sim, void *payload, u32 len);
u32 sim_rm_control(struct sim_gpu *sim, void *payload, u32 len);
u32 sim_rm_free(struct sim_gpu *sim, void *payload, u32 len);
u32 sim_rm_dup(struct sim_gpu *sim, void *payload, u32 len);
void sim_rm_static_info(struct sim_gpu *sim, void *buf);

/**
 * struct sim_bootload - BOOTLOAD_GSP_VGPU_PLUGIN_TASK as the emulator decoded it
 * @gfid: GFID
 * @vgpu_type: type id
 * @num_channels: channel IDs of the vGPU
 * @num_plugin_channels: of which used by the plugin
 * @num_engines: entries of @chid_offset (NV2080_GPU_MAX_ENGINES)
 * @chid_offset: first channel ID per engine type
 * @num_guest_fb_segments: entries of the two lists, as received
 * @guest_fb_phys_addr_list: guest FB pieces
 * @guest_fb_length_list: their lengths
 * @plugin_heap_memory_phys_addr: management heap
 * @plugin_heap_memory_length: its length
 *
 * The arrays point into the received parameters.
 */
struct sim_bootload {
	u32 gfid;
	u32 vgpu_type;
	u32 num_channels;
	u32 num_plugin_channels;
	u32 num_engines;
	const u32 *chid_offset;
	u32 num_guest_fb_segments;
	const u64 *guest_fb_phys_addr_list;
	const u64 *guest_fb_length_list;
	u64 plugin_heap_memory_phys_addr;
	u64 plugin_heap_memory_length;
};

/* sim_fwif.c: the emulator's per-release layouts */
#define SIM_FWIF_RC_TRIGGERED_MAX	32
u32 sim_fwif_bootload_decode(struct sim_gpu *sim, const void *params, u32 size,
			     struct sim_bootload *b);
u32 sim_fwif_nv0000_alloc_size(struct sim_gpu *sim);
u32 sim_fwif_rc_triggered(struct sim_gpu *sim, void *buf, u32 chid,
			  u32 except_type);
u32 sim_fwif_log_regions(struct sim_gpu *sim);
bool sim_fwif_sysinfo_decode(struct sim_gpu *sim, const void *buf,
			     struct sim_sysinfo *si);
u32 sim_fwif_engines_list_size(struct sim_gpu *sim);
u32 sim_fwif_add_types_decode(struct sim_gpu *sim, const void *params,
			      u32 size, struct nvvgpu_vgpu_type *types,
			      u32 *count, bool *discard);
u32 sim_fwif_objsched_size(struct sim_gpu *sim, u32 cmd);

/* sim_board.c: the board behind the backend ops a real PF driver provides */
int sim_fw_boot(struct nvvgpu_pgpu *pgpu, dma_addr_t libos_args);
int sim_system_info(struct nvvgpu_pgpu *pgpu, struct nvvgpu_system_info *si);
int sim_vgpu_types(struct nvvgpu_pgpu *pgpu, struct nvvgpu_vgpu_type *types,
		   u32 max);
void sim_board_system_info(struct sim_gpu *sim, struct nvvgpu_system_info *si);
void sim_board_init(struct sim_gpu *sim, u64 fb_size, const char *types_file);
void sim_board_typefile_board(struct sim_gpu *sim,
			      struct sim_typefile_board *board);

/* sim_typefile.c: the vGPU type catalogue from the board's metadata file */
int sim_typefile_parse(struct device *dev, const char *file,
		       const struct sim_typefile_board *board, const u8 *data,
		       size_t size, struct nvvgpu_vgpu_type *types, u32 max);
int sim_typefile_load(struct sim_gpu *sim, struct nvvgpu_vgpu_type *types,
		      u32 max);

/* sim_objsched.c: the firmware's vGPU scheduler and its OBJSCHED controls */
int sim_objsched_init(struct sim_gpu *sim);
void sim_objsched_fini(struct sim_gpu *sim);
void sim_objsched_reset(struct sim_gpu *sim);
u32 sim_objsched_control(struct sim_gpu *sim, u32 cmd, void *params, u32 size);
void sim_objsched_host_owner(struct sim_gpu *sim, u32 gfid);
void sim_objsched_work(struct sim_gpu *sim, u32 gfid, bool work);
void sim_objsched_vgpu_start(struct sim_gpu *sim, u32 gfid, u32 max_instances);
void sim_objsched_vgpu_stop(struct sim_gpu *sim, u32 gfid);
void sim_objsched_show(struct seq_file *m, struct sim_gpu *sim);

/* sim_vgpu.c: the vGPU-manager controls */
u32 sim_vgpu_control(struct sim_gpu *sim, u32 cmd, void *params, u32 size);
void sim_vgpu_reset(struct sim_gpu *sim);

/* sim_main.c: GPUs on devices of other buses */
struct sim_gpu *sim_gpu_add(struct device *dev);
void sim_gpu_remove(struct sim_gpu *sim);

/* sim_pci.c: the PCI driver a test binds a function to */
int sim_pci_init(void);
void sim_pci_exit(void);

/* sim_debugfs.c */
int sim_debugfs_init(void);
void sim_debugfs_exit(void);
void sim_debugfs_add(struct sim_gpu *sim);
void sim_debugfs_remove(struct sim_gpu *sim);

#endif /* __NVVGPU_SIM_H__ */
