/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_gsp: functions shared by the files of the GSP-RM transport.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_GSP_H__
#define __NVVGPU_GSP_H__

#include <linux/device.h>

#include <nvvgpu/abi/gsp_rpc.h>

#include "gsp_types.h"

struct nvvgpu_host_channel;
struct nvvgpu_pgpu_info;
struct nvvgpu_vgpu;

/* gsp_fwif.c: firmware release selection and version-specific decoding */
const struct nvgsp_fw_abi *gsp_fwif_select(struct nvvgpu_gsp *gsp,
					   const char *version);
const char *gsp_fwif_event_name(enum nvgsp_event ev);
const char *gsp_fwif_function_name(const struct nvgsp_fw_abi *abi, u32 fn);

/* gsp_status.c: NV_STATUS and rpc_result → errno */
int gsp_status_to_errno(u32 status);
const char *gsp_status_name(u32 status);

/* gsp_msgq.c: the queues */
int gsp_msgq_init(struct nvvgpu_gsp *gsp);
void gsp_msgq_fini(struct nvvgpu_gsp *gsp);
void gsp_msgq_reset(struct nvvgpu_gsp *gsp);
void gsp_msgq_clear_statq(struct nvvgpu_gsp *gsp);
bool gsp_msgq_pending(struct nvvgpu_gsp *gsp);
int gsp_msgq_push_locked(struct nvvgpu_gsp *gsp, u32 function, u32 token,
			 const struct kvec *vec, unsigned int nr, u32 len);
int gsp_msgq_push(struct nvvgpu_gsp *gsp, u32 function, u32 token,
		  const struct kvec *vec, unsigned int nr, u32 len);
int gsp_msgq_recv_head(struct nvvgpu_gsp *gsp, struct gsp_msg_rx *rx,
		       struct gsp_msg_drop *drop);
int gsp_msgq_recv_payload(struct nvvgpu_gsp *gsp, const struct gsp_msg_rx *rx,
			  const struct gsp_msg_dst *dst,
			  struct gsp_msg_drop *drop);

/* gsp_rpc.c: synchronous and asynchronous RPCs */
extern unsigned int gsp_rpc_timeout_ms;
void gsp_rpc_init(struct nvvgpu_gsp *gsp);
void gsp_rpc_fini(struct nvvgpu_gsp *gsp);
int gsp_rpc_send(struct nvvgpu_gsp *gsp, u32 function, const void *req,
		 u32 req_len);
int gsp_rpc_call(struct nvvgpu_gsp *gsp, u32 function, const void *req,
		 u32 req_len, void *reply, u32 reply_len);
int gsp_rpc_callv(struct nvvgpu_gsp *gsp, u32 function,
		  const struct kvec *req, unsigned int req_nr,
		  const struct kvec *reply, unsigned int reply_nr);
int gsp_rpc_wait_event(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
		       unsigned int timeout_ms);
void gsp_rpc_drain(struct nvvgpu_gsp *gsp);
void gsp_rpc_recv_work(struct work_struct *work);
void gsp_rpc_irq(struct nvvgpu_gsp *gsp, bool halt);
void gsp_rpc_kick(struct nvvgpu_gsp *gsp);

/* gsp_event.c: unsolicited events */
int gsp_event_init(struct nvvgpu_gsp *gsp);
void gsp_event_fini(struct nvvgpu_gsp *gsp);
int gsp_event_register(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
		       gsp_event_fn fn, void *priv);
void gsp_event_unregister(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			  gsp_event_fn fn, void *priv);
void gsp_event_dispatch(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			const void *payload, u32 len);

/* gsp_rm.c: RM objects */
int gsp_rm_alloc(struct nvvgpu_gsp *gsp, u32 h_client, u32 h_parent,
		 u32 h_object, u32 h_class, void *params, u32 params_size);
int gsp_rm_control(struct nvvgpu_gsp *gsp, u32 h_client, u32 h_object,
		   u32 cmd, void *params, u32 params_size);
int gsp_rm_free(struct nvvgpu_gsp *gsp, u32 h_client, u32 h_object);
int gsp_rm_client_alloc(struct nvvgpu_gsp *gsp);
void gsp_rm_client_free(struct nvvgpu_gsp *gsp);
int gsp_rm_dup(struct nvvgpu_gsp *gsp, u32 h_parent, u32 h_client_src,
	       u32 h_object_src, u32 *h_out);
int gsp_rm_dup_free(struct nvvgpu_gsp *gsp, u32 h);
int gsp_rm_handle_get(struct nvvgpu_gsp *gsp, u32 *h);
void gsp_rm_handle_put(struct nvvgpu_gsp *gsp, u32 h);

/* gsp_health.c: fatal error reports */
bool gsp_health_check(struct nvvgpu_gsp *gsp);

/* gsp_boot.c: bring-up and teardown */
int gsp_boot_mem_init(struct nvvgpu_gsp *gsp);
int gsp_boot_start(struct nvvgpu_gsp *gsp);
void gsp_unload(struct nvvgpu_gsp *gsp);
void gsp_mem_free_all(struct nvvgpu_gsp *gsp);

/* gsp_vgpu.c: static info and the vGPU-manager controls */
int gsp_read_info(struct nvvgpu_gsp *gsp, struct nvvgpu_pgpu_info *info);
int gsp_vgpu_bootload(struct nvvgpu_gsp *gsp, struct nvvgpu_vgpu *vgpu);
void gsp_vgpu_shutdown(struct nvvgpu_gsp *gsp, struct nvvgpu_vgpu *vgpu);

/* gsp_channel.c */
int gsp_host_channel_alloc(struct nvvgpu_gsp *gsp,
			   struct nvvgpu_host_channel *ch);
void gsp_host_channel_free(struct nvvgpu_gsp *gsp,
			   struct nvvgpu_host_channel *ch);

/* gsp_reset.c: engine reset and re-boot */
int gsp_reset(struct nvvgpu_gsp *gsp);

#if IS_ENABLED(CONFIG_DEBUG_FS)
/* gsp_debugfs.c: <pgpu debugfs>/gsp/ */
void gsp_debugfs_add(struct nvvgpu_gsp *gsp);
void gsp_debugfs_remove(struct nvvgpu_gsp *gsp);
#else
static inline void gsp_debugfs_add(struct nvvgpu_gsp *gsp) {}
static inline void gsp_debugfs_remove(struct nvvgpu_gsp *gsp) {}
#endif

#endif /* __NVVGPU_GSP_H__ */
