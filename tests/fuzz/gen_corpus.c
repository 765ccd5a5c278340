// SPDX-License-Identifier: GPL-2.0
/*
 * Seed corpus for fuzz_statq: well-formed status-queue states for every
 * scenario and both firmware releases, built with the same ABI helpers the
 * driver and the firmware emulator use (nvgsp_rpc_header_init(),
 * nvgsp_msg_seal()), so that fuzzing starts behind the framing checks, in
 * the reply matching and the decoders.
 *
 * Usage: gen_corpus DIR
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <stdio.h>
#include <stdlib.h>

#include <linux/kernel.h>
#include <linux/string.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/msgq.h>
#include <nvvgpu/abi/nv_channel.h>

#include "fuzz_input.h"

#define SEED_MAX	(64 * 1024)

static const char *out_dir;
static const struct nvgsp_fw_abi *abi;
static const char *abi_tag;

/* the seed being built */
static u8 seed[SEED_MAX];
static size_t seed_len;
static u32 seed_seq;
static u8 *elem_buf;

static void put_le16(u8 *p, u16 v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static void put_le32(u8 *p, u32 v)
{
	put_le16(p, v);
	put_le16(p + 2, v >> 16);
}

static void seed_begin(u8 cfg, u8 host_rd, u16 arg0, u16 arg1)
{
	if (!strcmp(abi->version, "570.144"))
		cfg |= NVFUZZ_CFG_FW_570;
	memset(seed, 0, NVFUZZ_HDR_SIZE);
	seed[0] = cfg | NVFUZZ_CFG_WR_AUTO;
	seed[1] = host_rd;
	put_le32(seed + 4, 0);
	put_le16(seed + 8, arg0);
	put_le16(seed + 10, arg1);
	seed_len = NVFUZZ_HDR_SIZE;
	seed_seq = 0;
}

static void seed_scenario(enum nvfuzz_scenario sc)
{
	seed[0] |= sc << NVFUZZ_CFG_SCENARIO_SHIFT;
}

/*
 * Append one sealed element. Trailing zeros are left out (the harness
 * zero-fills the rest of the slots), so seeds stay small.
 */
static void seed_msg(u8 flags, u32 function, u32 result, const void *payload,
		     u32 len)
{
	struct nvgsp_msg_element *m = (void *)elem_buf;
	u32 n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len);
	size_t bytes = sizeof(*m) + len;

	memset(elem_buf, 0, (size_t)n * NVGSP_QUEUE_SLOT_SIZE);
	nvgsp_rpc_header_init(&m->rpc, function, len, result);
	if (len)
		memcpy(m + 1, payload, len);
	nvgsp_msg_seal(m, seed_seq++, abi->csum_rule);
	while (bytes > sizeof(*m) && !elem_buf[bytes - 1])
		bytes--;

	if (seed_len + NVFUZZ_REC_HDR_SIZE + bytes > SEED_MAX) {
		fprintf(stderr, "gen_corpus: seed too large\n");
		exit(1);
	}
	seed[seed_len] = flags;
	put_le16(seed + seed_len + 1, bytes);
	memcpy(seed + seed_len + NVFUZZ_REC_HDR_SIZE, elem_buf, bytes);
	seed_len += NVFUZZ_REC_HDR_SIZE + bytes;
}

static void seed_event(u8 flags, enum nvgsp_event ev, const void *payload,
		       u32 len)
{
	u32 fn = nvgsp_fw_abi_event(abi, ev);

	if (fn)
		seed_msg(flags, fn, NV_OK, payload, len);
}

static void seed_end(const char *name)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s-%s", out_dir, abi_tag, name);
	f = fopen(path, "wb");
	if (!f || fwrite(seed, 1, seed_len, f) != seed_len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* the fixes that keep a mutated element well-framed, bar its length */
#define FIX	(NVFUZZ_REC_FIX_COUNT | NVFUZZ_REC_FIX_SEQ | \
		 NVFUZZ_REC_FIX_HDR | NVFUZZ_REC_FIX_CSUM)
/*
 * A reply: published when the host rings the doorbell for its request;
 * the 570 seeds echo the request's token, as a firmware from 580.82 on.
 */
#define REPLY	(FIX | NVFUZZ_REC_NEXT | reply_token)

static u8 reply_token;

/* RC_TRIGGERED in the release's layout (the fields moved in 570) */
static u32 rc_triggered(void *buf, u32 engine_type, u32 chid, u32 except_type,
			u32 scope)
{
	struct nvgsp_rpc_rc_triggered_r535 *r535 = buf;
	struct nvgsp_rpc_rc_triggered_r570 *r570 = buf;

	memset(buf, 0, abi->rc_triggered_min_size);
	if (abi->rc_triggered_min_size == sizeof(*r570)) {
		*r570 = (struct nvgsp_rpc_rc_triggered_r570) {
			.engine_type = engine_type, .chid = chid,
			.except_type = except_type, .scope = scope,
		};
	} else {
		*r535 = (struct nvgsp_rpc_rc_triggered_r535) {
			.engine_type = engine_type, .chid = chid,
			.except_type = except_type, .scope = scope,
		};
	}
	return abi->rc_triggered_min_size;
}

static void gen_events(u8 flags, const char *name)
{
	u8 rc[sizeof(struct nvgsp_rpc_rc_triggered_r570)];
	u32 rc_len = rc_triggered(rc, 1, 17, 31, 1);
	u8 log[sizeof(struct nvgsp_rpc_os_error_log) + 4] = { 0 };
	struct nvgsp_rpc_os_error_log *el = (void *)log;
	u32 init_done = 0;
	u8 lockdown = 1;

	el->except_type = 13;
	el->chid = 3;
	strscpy(el->err_string, "Graphics SM Warp Exception", sizeof(el->err_string));

	seed_begin(0, 0, 0, 0);
	seed_scenario(NVFUZZ_SC_DRAIN);
	seed_event(flags, NVGSP_EVENT_RC_TRIGGERED, rc, rc_len);
	seed_event(flags, NVGSP_EVENT_OS_ERROR_LOG, log, abi->os_error_log_size);
	seed_event(flags, NVGSP_EVENT_GSP_LOCKDOWN_NOTICE, &lockdown, 1);
	seed_event(flags, NVGSP_EVENT_GSP_INIT_DONE, &init_done, 4);
	seed_event(flags, NVGSP_EVENT_MMU_FAULT_QUEUED, NULL, 0);
	seed_event(flags, NVGSP_EVENT_UCODE_LIBOS_PRINT, "gsp: hello\n", 11);
	/* replies nobody waits for: an async RPC's, a failed one's */
	seed_msg(flags, NV_VGPU_MSG_FUNCTION_SET_REGISTRY, NV_OK, NULL, 0);
	seed_msg(flags, NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO,
		 NV_ERR_INVALID_ARGUMENT, NULL, 0);
	seed_msg(flags, NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD, NV_OK,
		 "tail", 4);
	seed_end(name);
}

/* a three-slot message that runs from slot 61 over the end of the ring */
static void gen_wrap(void)
{
	static u8 text[2 * NVGSP_QUEUE_SLOT_SIZE + 100];

	memset(text, 'x', sizeof(text));
	seed_begin(0, 61, 0, 0);
	seed_scenario(NVFUZZ_SC_DRAIN);
	seed_event(FIX, NVGSP_EVENT_RC_TRIGGERED, text,
		   abi->rc_triggered_min_size);
	seed_event(FIX, NVGSP_EVENT_UCODE_LIBOS_PRINT, text, sizeof(text));
	seed_event(FIX, NVGSP_EVENT_GSP_LOCKDOWN_NOTICE, text, 1);
	seed_end("drain-wrap");
}

static void gen_race(void)
{
	u8 rc[sizeof(struct nvgsp_rpc_rc_triggered_r570)];
	u32 rc_len = rc_triggered(rc, 0, 1, 0, 0);

	seed_begin(NVFUZZ_CFG_RACE, 5, 0, 0);
	seed_scenario(NVFUZZ_SC_DRAIN);
	seed[16] = 0;		/* after the first copy ... */
	seed[17] = 0x80 | 80 / 4;	/* ... the payload changes */
	put_le32(seed + 20, 0xdeadbeef);
	seed_event(FIX, NVGSP_EVENT_RC_TRIGGERED, rc, rc_len);
	seed_event(FIX, NVGSP_EVENT_RC_TRIGGERED, rc, rc_len);
	seed_end("drain-race");

	/* ... or the pad word of the element header */
	seed[17] = 3;
	seed_end("drain-race-header");
}

static void gen_boot(void)
{
	u32 init_done = 0;
	u8 lockdown = 0;

	seed_begin(0, 0, NVGSP_EVENT_GSP_INIT_DONE, 0);
	seed_scenario(NVFUZZ_SC_WAIT_EVENT);
	seed_event(FIX, NVGSP_EVENT_UCODE_LIBOS_PRINT, "boot", 4);
	seed_msg(FIX, NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO, NV_OK, NULL, 0);
	seed_msg(FIX, NV_VGPU_MSG_FUNCTION_SET_REGISTRY, NV_OK, NULL, 0);
	seed_event(FIX, NVGSP_EVENT_GSP_LOCKDOWN_NOTICE, &lockdown, 1);
	seed_event(FIX, NVGSP_EVENT_GSP_INIT_DONE, &init_done, 4);
	seed_end("boot");
}

/*
 * A reply of 65535 bytes: a full first element, then a continuation record
 * with the rest. Mostly zeros, which the seed leaves out.
 */
static void gen_call(void)
{
	static u8 reply[NVGSP_RPC_MAX_PAYLOAD];
	u32 i;

	for (i = 0; i < 1000; i++)
		reply[i] = i;
	seed_begin(0, 0, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, 65535);
	seed_scenario(NVFUZZ_SC_CALL);
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, NV_OK, reply,
		 NVGSP_RPC_MAX_PAYLOAD);
	seed_msg(FIX | reply_token, NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD,
		 NV_OK, reply, 65535 - NVGSP_RPC_MAX_PAYLOAD);
	seed_end("call-continuation");

	/* continuation records that belong to no message */
	seed_begin(0, 0, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, 2000);
	seed_scenario(NVFUZZ_SC_CALL);
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, NV_OK, reply,
		 1000);
	seed_msg(FIX, NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD, NV_OK,
		 reply, 1000);
	seed_msg(FIX, NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD, NV_OK,
		 reply, 1000);
	seed_end("call-continuation-orphan");

	seed_begin(0, 0, NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER, 0);
	seed_scenario(NVFUZZ_SC_CALL);
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER,
		 NV_ERR_TIMEOUT_RETRY, NULL, 0);
	seed_end("call-failed");
}

static void seed_rm_alloc_reply(u32 parent, u32 object, u32 class,
				u32 status, u32 params_size)
{
	u8 buf[sizeof(struct nvgsp_rpc_rm_alloc) + 128] = { 0 };
	struct nvgsp_rpc_rm_alloc *a = (void *)buf;

	a->h_client = NVFUZZ_H_CLIENT;
	a->h_parent = parent;
	a->h_object = object;
	a->h_class = class;
	a->status = status;
	a->params_size = params_size;
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC, NV_OK, buf,
		 sizeof(*a) + params_size);
}

/*
 * The reply to an RPC, split as GSP-RM splits one larger than an element:
 * the first element published at the request's doorbell, the
 * continuation records right behind it (all zeros but their headers,
 * which the seed keeps).
 */
static void seed_reply(u32 function, u32 result, const void *payload,
		       u32 len)
{
	u32 off = 0, chunk;

	do {
		chunk = nvgsp_split_chunk(len, off);
		seed_msg(off ? FIX | reply_token : REPLY,
			 nvgsp_split_function(function, off),
			 off ? NV_OK : result, (const u8 *)payload + off, chunk);
		off += chunk;
	} while (off < len);
}

/* an RM control's reply echoes its parameters, in the size sent */
static void seed_rm_control_reply_to(u32 h_client, u32 h_object, u32 cmd,
				     u32 status, const void *params,
				     u32 params_size)
{
	struct nvgsp_rpc_rm_control *c = calloc(1, sizeof(*c) + params_size);

	if (!c)
		exit(1);
	c->h_client = h_client;
	c->h_object = h_object;
	c->cmd = cmd;
	c->status = status;
	c->params_size = params_size;
	if (params)
		memcpy(c->params, params, params_size);
	seed_reply(NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, NV_OK, c,
		   sizeof(*c) + params_size);
	free(c);
}

/* on GSP-RM's internal subdevice (the vGPU-manager controls) */
static void seed_rm_control_reply(u32 cmd, u32 status, const void *params,
				  u32 params_size)
{
	seed_rm_control_reply_to(NVFUZZ_H_INTERNAL_CLIENT,
				 NVFUZZ_H_INTERNAL_SUBDEVICE, cmd, status,
				 params, params_size);
}

/* on our client's subdevice */
static void seed_rm_control_reply_ours(u32 cmd, u32 status,
				       const void *params, u32 params_size)
{
	seed_rm_control_reply_to(NVFUZZ_H_CLIENT, NVVGPU_RM_HANDLE_SUBDEVICE,
				 cmd, status, params, params_size);
}

/* the internal subdevice duplicated into our client, first dynamic handle */
static void seed_dup_reply(u32 status)
{
	struct nvgsp_rpc_dup_object d = {
		.h_client = NVFUZZ_H_CLIENT,
		.h_parent = NVVGPU_RM_HANDLE_DEVICE,
		.h_object = NVVGPU_RM_HANDLE_DYN_BASE,
		.h_client_src = NVFUZZ_H_INTERNAL_CLIENT,
		.h_object_src = NVFUZZ_H_INTERNAL_SUBDEVICE,
		.status = status,
	};

	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_DUP_OBJECT, NV_OK, &d, sizeof(d));
}

static void seed_free_reply(u32 object, u32 status)
{
	struct nvgsp_rpc_free f = {
		.h_root = NVFUZZ_H_CLIENT, .h_object_old = object,
		.status = status,
	};

	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_FREE, NV_OK, &f, sizeof(f));
}

static void gen_rm(void)
{
	struct nv2080_vgpu_gfid_params gfid = { .gfid = 1 };

	/* the device allocation fails: the client is freed again */
	seed_begin(0, 0, 0, 0);
	seed_scenario(NVFUZZ_SC_CLIENT);
	seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVFUZZ_H_CLIENT, NV01_ROOT, NV_OK,
			    abi->nv0000_alloc_size);
	seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVVGPU_RM_HANDLE_DEVICE,
			    NV01_DEVICE_0, NV_ERR_INSUFFICIENT_RESOURCES,
			    sizeof(struct nv0080_alloc_params));
	seed_free_reply(NVFUZZ_H_CLIENT, NV_OK);
	seed_end("client-device-failed");

	seed_begin(0, 0, 4, 0);
	seed_scenario(NVFUZZ_SC_RM_CONTROL);
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK,
			      NV_OK, &gfid, sizeof(gfid));
	seed_end("rm-control");

	seed_begin(0, 0, 1, 0);
	seed_scenario(NVFUZZ_SC_RM_FREE);
	seed_free_reply(NVFUZZ_H_CLIENT, NV_OK);
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK,
			      NV_OK, &gfid, sizeof(gfid));
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP,
			      NV_OK, &gfid, sizeof(gfid));
	seed_end("rm-free-shutdown");
}

/*
 * Replies to gsp_read_info(): static info (4 GiB FB), DUP_OBJECT of the
 * internal subdevice, VMMU segment, engines (GR0, COPY0, COPY1), 2048
 * channels, then PGPU_ADD_VGPU_TYPE of the board's catalogue (the
 * harness's two types). That control's parameters are the release's
 * whole table (317 or 334 KB), so its reply is larger than the status
 * queue: five or six elements the firmware writes as the host reads.
 * The reply echoes the discard flag and the count; the entries, which
 * the host does not read back, stay zero, so the seed does not grow by
 * what the fuzzer would only waste mutations on.
 */
static void seed_read_info_replies(void)
{
	static u8 info[4096];
	struct nv2080_fb_region_info_params *fb =
		(void *)(info + abi->static_info_fb_regions);
	struct nvgsp_internal_handles *h =
		(void *)(info + abi->static_info_handles);
	struct nv2080_ctrl_gpu_get_vmmu_segment_size_params vmmu = {
		.vmmu_segment_size = 2 << 20,
	};
	u32 engines_size = NV2080_GPU_GET_ENGINES_V2_SIZE(abi->engines_list_size);
	u32 *engines = calloc(1, engines_size);
	struct nv2080_ctrl_fifo_get_info_params fifo = {
		.fifo_info_tbl_size = 1,
		.fifo_info_tbl[0] = {
			.index = NV2080_CTRL_FIFO_INFO_INDEX_MAX_CHANNEL_GROUPS,
			.data = 2048,
		},
	};
	u8 *add = calloc(1, abi->add_types_size);

	if (!engines || !add)
		exit(1);
	memset(info, 0, sizeof(info));
	fb->num_fb_regions = 2;
	fb->regions[0].limit = (4ULL << 30) - 1;
	fb->regions[1].base = 4ULL << 30;
	fb->regions[1].limit = (4ULL << 30) + (256 << 20) - 1;
	fb->regions[1].protected = 1;
	h->client = NVFUZZ_H_INTERNAL_CLIENT;
	h->device = NVFUZZ_H_INTERNAL_DEVICE;
	h->subdevice = NVFUZZ_H_INTERNAL_SUBDEVICE;

	engines[0] = 3;
	engines[1] = NV2080_ENGINE_TYPE_GR0;
	engines[2] = NV2080_ENGINE_TYPE_COPY0;
	engines[3] = NV2080_ENGINE_TYPE_COPY1;

	/* discardVgpuTypes, vgpuInfoCount */
	add[0] = 1;
	put_le32(add + 4, 2);

	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, NV_OK, info,
		 abi->static_info_size);
	seed_event(FIX, NVGSP_EVENT_UCODE_LIBOS_PRINT, "info", 4);
	seed_dup_reply(NV_OK);
	seed_rm_control_reply_ours(NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE,
				   NV_OK, &vmmu, sizeof(vmmu));
	seed_rm_control_reply_ours(NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, NV_OK,
				   engines, engines_size);
	seed_rm_control_reply_ours(NV2080_CTRL_CMD_FIFO_GET_INFO, NV_OK, &fifo,
				   sizeof(fifo));
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE,
			      NV_OK, add, abi->add_types_size);
	free(add);
	free(engines);
}

/* the byte gsp_test_echo() (gsp/tests/gsp_test_echo.c) expects at @i */
static u8 echo_byte(u64 cookie, u32 i)
{
	return (u8)(i * 131) ^ (u8)(cookie >> (8 * (i & 7)));
}

/* the echo: a reply of the cookie inverted and the data echoed */
static void gen_echo(bool invert)
{
	static u8 buf[sizeof(struct nvvgpu_emu_echo_params) + 200];
	struct nvvgpu_emu_echo_params *p = (void *)buf;
	const u32 size = 200;
	u32 i;

	p->cookie = ~NVFUZZ_ECHO_COOKIE;
	p->flags = invert ? NVVGPU_EMU_ECHO_INVERT : 0;
	p->size = size;
	for (i = 0; i < size; i++)
		p->data[i] = invert ? ~echo_byte(NVFUZZ_ECHO_COOKIE, i) :
				      echo_byte(NVFUZZ_ECHO_COOKIE, i);
	seed_begin(0, 0, 0x8000 | (invert ? 0x100 : 0), size);
	seed_scenario(NVFUZZ_SC_RM_CONTROL);
	seed_rm_control_reply(NVVGPU_EMU_CTRL_CMD_ECHO, NV_OK, p,
			      sizeof(*p) + size);
	seed_end(invert ? "rm-echo-invert" : "rm-echo");
}

static void gen_read_info(void)
{
	seed_begin(0, 0, 0, 0);
	seed_scenario(NVFUZZ_SC_READ_INFO);
	seed_read_info_replies();
	seed_end("read-info");

	/*
	 * the same with the ninth allocation of the host failing: the staging
	 * buffer of PGPU_ADD_VGPU_TYPE (gsp_rm_control())
	 */
	seed_begin(0, 0, 0, 0);
	seed_scenario(NVFUZZ_SC_READ_INFO);
	seed[18] = 9;
	seed_read_info_replies();
	seed_end("read-info-nomem");

	/*
	 * the board's catalogue lists a type with more FB than the pgpu has
	 * (arg0: fz_vgpu_types() in fuzz_statq.c); the firmware is not told
	 */
	seed_begin(0, 0, 0x17, 0);
	seed_scenario(NVFUZZ_SC_READ_INFO);
	seed_read_info_replies();
	seed_end("read-info-bad-type");
}

static void gen_client(void)
{
	u8 *boot = calloc(1, abi->bootload_size);

	if (!boot)
		exit(1);
	seed_begin(0, 0, 0, 0);
	seed_scenario(NVFUZZ_SC_CLIENT);
	seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVFUZZ_H_CLIENT, NV01_ROOT, NV_OK,
			    abi->nv0000_alloc_size);
	seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVVGPU_RM_HANDLE_DEVICE,
			    NV01_DEVICE_0, NV_OK,
			    sizeof(struct nv0080_alloc_params));
	seed_rm_alloc_reply(NVVGPU_RM_HANDLE_DEVICE, NVVGPU_RM_HANDLE_SUBDEVICE,
			    NV20_SUBDEVICE_0, NV_OK,
			    sizeof(struct nv2080_alloc_params));
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK,
			      NV_OK, boot, abi->bootload_size);
	seed_free_reply(NVFUZZ_H_CLIENT, NV_OK);
	seed_end("client-bootload");
	free(boot);
}

/*
 * attach, read_info, irq, bootload, shutdown, [reset,] detach; @reset is
 * the scenario's arg0 (0x200 and its variants), 0 for none
 */
static void gen_lifecycle(u16 reset, const char *name)
{
	const struct nvgsp_vgpu_bootload b = { .gfid = 1, .vgpu_type = 941 };
	u8 *boot = calloc(1, abi->bootload_size);
	struct nv2080_vgpu_gfid_params gfid = { .gfid = 1 };
	struct nvgsp_rpc_unloading_guest_driver unload = { 0 };
	u32 init_done = 0;

	if (!boot)
		exit(1);
	seed_begin(0, 0, reset, 0);
	seed_scenario(NVFUZZ_SC_LIFECYCLE);
	/* boot: the two queued RPCs are answered, then GSP_INIT_DONE */
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO, NV_OK, NULL, 0);
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_SET_REGISTRY, NV_OK, NULL, 0);
	seed_event(FIX, NVGSP_EVENT_GSP_INIT_DONE, &init_done, 4);
	seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVFUZZ_H_CLIENT, NV01_ROOT, NV_OK,
			    abi->nv0000_alloc_size);
	seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVVGPU_RM_HANDLE_DEVICE,
			    NV01_DEVICE_0, NV_OK,
			    sizeof(struct nv0080_alloc_params));
	seed_rm_alloc_reply(NVVGPU_RM_HANDLE_DEVICE, NVVGPU_RM_HANDLE_SUBDEVICE,
			    NV20_SUBDEVICE_0, NV_OK,
			    sizeof(struct nv2080_alloc_params));
	seed_read_info_replies();
	abi->bootload_write(boot, &b);
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK,
			      NV_OK, boot, abi->bootload_size);
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK,
			      NV_OK, &gfid, sizeof(gfid));
	seed_rm_control_reply(NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP,
			      NV_OK, &gfid, sizeof(gfid));
	if (reset) {
		/* booted again: a fresh queue, the same pgpu */
		seed_seq = 0;
		seed_event(REPLY, NVGSP_EVENT_GSP_INIT_DONE, &init_done, 4);
		seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVFUZZ_H_CLIENT, NV01_ROOT,
				    NV_OK, abi->nv0000_alloc_size);
		seed_rm_alloc_reply(NVFUZZ_H_CLIENT, NVVGPU_RM_HANDLE_DEVICE,
				    NV01_DEVICE_0, NV_OK,
				    sizeof(struct nv0080_alloc_params));
		seed_rm_alloc_reply(NVVGPU_RM_HANDLE_DEVICE,
				    NVVGPU_RM_HANDLE_SUBDEVICE, NV20_SUBDEVICE_0,
				    NV_OK, sizeof(struct nv2080_alloc_params));
		seed_read_info_replies();
	}
	seed_free_reply(NVFUZZ_H_CLIENT, NV_OK);
	seed_msg(REPLY, NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER, NV_OK,
		 &unload, sizeof(unload));
	seed_end(name);
	free(boot);
}

/* GSP reports a fatal error while the host waits for a reply */
static void gen_fatal(void)
{
	seed_begin(NVFUZZ_CFG_MAILBOX, 0, NV_VGPU_MSG_FUNCTION_FREE, 16);
	seed_scenario(NVFUZZ_SC_CALL);
	put_le32(seed + 12, 0xe0010207);	/* tag 0xe, task 1, reason 2, code 7 */
	seed_event(FIX, NVGSP_EVENT_UCODE_LIBOS_PRINT, "dying", 5);
	seed_end("call-fatal");
}

int main(int argc, char **argv)
{
	static const char * const versions[][2] = {
		{ "535.113.01", "535" },
		{ "570.144", "570" },
	};
	unsigned int v;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	out_dir = argv[1];
	elem_buf = calloc(1, NVGSP_MSG_MAX_SIZE);
	if (!elem_buf)
		return 1;

	for (v = 0; v < ARRAY_SIZE(versions); v++) {
		abi = nvgsp_fw_abi_find(versions[v][0]);
		abi_tag = versions[v][1];
		reply_token = v ? NVFUZZ_REC_FIX_TOKEN : 0;
		if (!abi)
			return 1;
		gen_events(FIX, "drain-events");
		gen_events(0, "drain-events-raw");
		gen_wrap();
		gen_race();
		gen_boot();
		gen_call();
		gen_rm();
		gen_read_info();
		gen_echo(false);
		gen_echo(true);
		gen_client();
		gen_lifecycle(0, "lifecycle");
		gen_lifecycle(0x200, "lifecycle-reset");
		/* the core stays busy: the pgpu cannot be cleared */
		gen_lifecycle(0x200 | 0x1000, "lifecycle-reset-busy");
		/* the board cannot boot the firmware again (fw_boot fails) */
		gen_lifecycle(0x200 | 0x2000, "lifecycle-reset-noboot");
		gen_fatal();
	}
	free(elem_buf);
	return 0;
}
