// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: GSP firmware emulator, transport side.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/bitfield.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <nvvgpu/abi/msgq.h>
#include <nvvgpu/abi/gsp_rpc.h>

#include "sim.h"

/**
 * DOC: firmware emulator
 *
 * The emulator plays GSP-RM's side of the message-queue protocol and runs
 * in an ordered workqueue per GPU, kicked by the host's CPUCTL.STARTCPU
 * write and by the cmdq doorbell:
 *
 * 1. boot: read the LibOS region array from MAILBOX0/1, find "RMARGS",
 *    read GSP_ARGUMENTS_CACHED in the layout of the emulated release,
 *    check the PTEs describe the shared block, validate the host's cmdq
 *    header as msgqRxLink does, and write our statq header;
 * 2. consume: validate every command strictly (element count, length,
 *    checksum under the release's rule, seqNum continuity, header
 *    version, signature), reassemble continuation records, and dispatch;
 *    once SET_SYSTEM_INFO and SET_REGISTRY are processed, send
 *    GSP_INIT_DONE;
 * 3. reply: each reply or event gets our own seqNum and checksum, waits
 *    for ring space, is published, and raises SWGEN0.
 *
 * A protocol violation by the host "crashes" the firmware: the fatal
 * report goes into NV_PGSP_MAILBOX(0) and IRQSTAT.HALT is raised. The
 * fault knobs in &sim_gsp.fault perturb step 3.
 */

/* commands consumed per work run before yielding the workqueue */
#define SIM_GSP_BUDGET		64
/* most events one "flood" injects: well past the host's event backlog */
#define SIM_GSP_FLOOD_MAX	4096
/* largest command reassembled from continuation records */
#define SIM_GSP_BIG_MAX		SZ_1M
/* poll interval while the host's status queue is full */
#define SIM_GSP_RETRY		msecs_to_jiffies(1)

static const char * const sim_gsp_state_names[] = {
	[SIM_GSP_OFF] = "off",
	[SIM_GSP_RUNNING] = "running",
	[SIM_GSP_SUSPENDED] = "suspended",
	[SIM_GSP_DEAD] = "dead",
};

const char *sim_gsp_state_name(enum sim_gsp_state state)
{
	return state < ARRAY_SIZE(sim_gsp_state_names) ?
	       sim_gsp_state_names[state] : "?";
}

/**
 * sim_gsp_crash() - stop the emulated firmware with a fatal report
 * @sim: the GPU
 * @reason: emulator-defined reason
 * @code: detail code
 * @why: log text
 */
void sim_gsp_crash(struct sim_gpu *sim, enum sim_gsp_fatal reason, u8 code,
		   const char *why)
{
	struct sim_gsp *gsp = &sim->gsp;

	lockdep_assert_held(&gsp->lock);

	dev_err(sim_dev(sim), "GSP firmware crashed: %s\n", why);
	gsp->state = SIM_GSP_DEAD;
	gsp->last_error = why;
	sim_reg_poke(sim, NV_PGSP_MAILBOX(0),
		     FIELD_PREP(NV_PGSP_MAILBOX_FATAL_TAG,
				NV_PGSP_MAILBOX_FATAL_TAG_VALUE) |
		     FIELD_PREP(NV_PGSP_MAILBOX_FATAL_REASON, reason) |
		     FIELD_PREP(NV_PGSP_MAILBOX_FATAL_CODE, code));
	gsp->irq_bits |= NV_PFALCON_FALCON_IRQSTAT_HALT;
}

/* take one of a fault counter; true if the fault applies to this message */
static bool sim_fault_take(struct sim_gpu *sim, u32 *count, const char *what,
			   u32 function)
{
	if (!*count)
		return false;
	(*count)--;
	sim->gsp.faults++;
	dev_info(sim_dev(sim), "fault: %s on status message %#x (seq %u)\n",
		 what, function, sim->gsp.tx_seq);
	return true;
}

/*
 * Faults in the RPC header and the framing, applied to the sealed headers
 * of an element whose payload XORs to @x: the header faults are resealed
 * so that the checksum holds and only the injected field is wrong; the
 * length faults keep elemCount (the frame) and fix the checksum up over
 * whole slots (the same XOR, the slack being zero), since the bogus length
 * gives the 570 rule no range to cover.
 */
static void sim_gsp_fault_header(struct sim_gpu *sim,
				 struct nvgsp_msg_element *hdr, u64 x)
{
	struct sim_fault *fault = &sim->gsp.fault;
	u32 fn = hdr->rpc.function, len = 0;
	bool reseal = false;

	if (sim_fault_take(sim, &fault->bad_token, "wrong rpc.sequence", fn)) {
		hdr->rpc.sequence += 0x1000;
		reseal = true;
	}
	if (sim_fault_take(sim, &fault->bad_signature, "bad signature", fn)) {
		hdr->rpc.signature ^= 0x00200000;
		reseal = true;
	}
	if (sim_fault_take(sim, &fault->bad_header_version,
			   "bad header version", fn)) {
		hdr->rpc.header_version = 0x02000000;
		reseal = true;
	}
	if (reseal)
		nvgsp_msg_seal_hdr(hdr, hdr->seq_num, x);

	if (sim_fault_take(sim, &fault->oversize_len, "oversize rpc.length", fn))
		len = NVGSP_RPC_MAX_SIZE + 8;
	else if (sim_fault_take(sim, &fault->undersize_len,
				"undersize rpc.length", fn))
		len = NVGSP_RPC_HDR_SIZE / 2;
	else if (sim_fault_take(sim, &fault->negative_len,
				"negative rpc.length", fn))
		len = (u32)-NVGSP_RPC_HDR_SIZE;
	if (len) {
		hdr->rpc.length = len;
		hdr->checksum = 0;
		hdr->checksum = nvgsp_xor_fold(nvgsp_xor64(hdr, sizeof(*hdr)) ^
					       x);
	}

	if (sim_fault_take(sim, &fault->bad_elem_count, "element count 0", fn))
		hdr->elem_count = 0;
}

/* write one element into the status queue; -ENOSPC if it does not fit */
static int sim_gsp_write(struct sim_gpu *sim, u32 function, u32 result,
			 u32 token, const void *data, u32 len)
{
	struct sim_gsp *gsp = &sim->gsp;
	struct sim_fault *fault = &gsp->fault;
	struct nvgsp_msg_element hdr;
	u32 n, rd, wr, seq;
	u64 x;

	lockdep_assert_held(&gsp->lock);

	n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len);
	rd = READ_ONCE(gsp->cmdq_rx->read_ptr);
	wr = gsp->statq_tx->write_ptr;
	if (rd >= NVGSP_QUEUE_SLOTS) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_QUEUE, 1,
			      "host's status-queue read pointer out of range");
		return -EPROTO;
	}
	if (nvgsp_msgq_free_slots(rd, wr, NVGSP_QUEUE_SLOTS) < n)
		return -ENOSPC;

	if (sim_fault_take(sim, &fault->drop_replies, "dropped", function))
		return 0;

	/* straight into the free slots, headers last */
	x = nvgsp_ring_put_payload(gsp->statq_slots, NVGSP_QUEUE_SLOTS, wr,
				   data, len);
	nvgsp_rpc_header_init(&hdr.rpc, function, len, result);
	hdr.rpc.sequence = token;

	seq = gsp->tx_seq;
	if (sim_fault_take(sim, &fault->skip_seq, "skipped sequence number",
			   function))
		seq++;
	else if (gsp->tx_seq &&
		 sim_fault_take(sim, &fault->replay_seq,
				"replayed sequence number", function))
		seq--;
	nvgsp_msg_seal_hdr(&hdr, seq, x);
	if (sim_fault_take(sim, &fault->corrupt_checksum, "corrupted checksum",
			   function))
		hdr.checksum ^= 0x1;
	sim_gsp_fault_header(sim, &hdr, x);
	nvgsp_ring_put_header(gsp->statq_slots, wr, &hdr);

	/* slots before the pointer that publishes them */
	wmb();
	WRITE_ONCE(gsp->statq_tx->write_ptr,
		   nvgsp_msgq_advance(wr, n, NVGSP_QUEUE_SLOTS));
	gsp->tx_seq = seq + 1;
	gsp->tx_msgs++;
	gsp->irq_bits |= NV_PFALCON_FALCON_IRQSTAT_SWGEN0;
	return 0;
}

/* queue one status element; it goes out from sim_gsp_flush() */
static void sim_gsp_queue_one(struct sim_gpu *sim, u32 function, u32 result,
			      u32 token, const void *data, u32 len)
{
	struct sim_gsp *gsp = &sim->gsp;
	struct sim_gsp_msg *msg;

	lockdep_assert_held(&gsp->lock);

	/* nothing waiting before it and no delay: straight into the ring */
	if (list_empty(&gsp->outq) && !gsp->fault.delay_ms &&
	    gsp->state == SIM_GSP_RUNNING &&
	    sim_gsp_write(sim, function, result, token, data, len) != -ENOSPC)
		return;

	msg = kmalloc(struct_size(msg, data, len), GFP_KERNEL);
	if (!msg) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_NOMEM, 0,
			      "out of memory for a status message");
		return;
	}
	msg->function = function;
	msg->result = result;
	msg->token = token;
	msg->queued = jiffies;
	msg->len = len;
	if (len)
		memcpy(msg->data, data, len);
	list_add_tail(&msg->link, &gsp->outq);
}

/* a payload beyond one element follows as CONTINUATION_RECORDs */
static void sim_gsp_queue(struct sim_gpu *sim, u32 function, u32 result,
			  u32 token, const void *data, u32 len)
{
	u32 chunk, off = 0;

	do {
		chunk = nvgsp_split_chunk(len, off);
		sim_gsp_queue_one(sim, nvgsp_split_function(function, off),
				  result, token, data + off, chunk);
		off += chunk;
	} while (off < len);
}

/* a reply echoes the request's rpc.sequence, as the header is copied */
static void sim_gsp_reply(struct sim_gpu *sim, u32 function, u32 token,
			  u32 result, const void *data, u32 len)
{
	sim_gsp_queue(sim, function, result, token, data, len);
}

static void sim_gsp_event(struct sim_gpu *sim, enum nvgsp_event ev,
			  const void *data, u32 len)
{
	u32 function = nvgsp_fw_abi_event(sim->abi, ev);

	if (function)
		sim_gsp_queue(sim, function, NV_OK, 0, data, len);
}

/* publish queued messages; return how long to wait before retrying */
static unsigned long sim_gsp_flush(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	struct sim_gsp_msg *msg, *tmp;
	unsigned long due;

	list_for_each_entry_safe(msg, tmp, &gsp->outq, link) {
		if (gsp->state != SIM_GSP_RUNNING)
			return 0;
		if (gsp->fault.delay_ms) {
			due = msg->queued + msecs_to_jiffies(gsp->fault.delay_ms);
			if (time_before(jiffies, due))
				return max(due - jiffies, 1UL);
		}
		if (sim_gsp_write(sim, msg->function, msg->result, msg->token,
				  msg->data, msg->len) == -ENOSPC)
			return SIM_GSP_RETRY;
		list_del(&msg->link);
		kfree(msg);
	}

	if (gsp->unload_pending) {
		gsp->unload_pending = false;
		gsp->state = SIM_GSP_SUSPENDED;
		sim_reg_poke(sim, NV_PGSP_FALCON_MAILBOX0,
			     NV_PGSP_FALCON_MAILBOX0_SUSPENDED);
		dev_dbg(sim_dev(sim), "GSP suspended after unload\n");
	}
	return 0;
}

static void sim_gsp_check_init_done(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	struct nvgsp_rpc_init_done done = {};

	if (gsp->init_done || !gsp->got_sysinfo || !gsp->got_registry)
		return;
	gsp->init_done = true;
	sim_gsp_event(sim, NVGSP_EVENT_GSP_INIT_DONE, &done, sizeof(done));
}

/* PACKED_REGISTRY_TABLE: every offset inside the table, names terminated */
static u32 sim_gsp_registry(struct sim_gpu *sim, const void *data, u32 len)
{
	const struct nvgsp_registry_table *t = data;
	const struct nvgsp_registry_entry *e;
	u32 i;

	if (len < sizeof(*t) || t->size != len ||
	    t->num_entries > (len - sizeof(*t)) / sizeof(*e)) {
		dev_warn(sim_dev(sim), "SET_REGISTRY: malformed table header\n");
		return NV_ERR_INVALID_PARAM_STRUCT;
	}
	for (i = 0; i < t->num_entries; i++) {
		e = &t->entries[i];
		if (e->name_offset >= len ||
		    !memchr(data + e->name_offset, 0, len - e->name_offset)) {
			dev_warn(sim_dev(sim),
				 "SET_REGISTRY: entry %u name outside the table\n", i);
			return NV_ERR_INVALID_PARAM_STRUCT;
		}
		if (e->type == NVGSP_REGISTRY_TYPE_DWORD) {
			if (e->length != sizeof(u32))
				goto bad_value;
		} else if (e->type == NVGSP_REGISTRY_TYPE_BINARY ||
			   e->type == NVGSP_REGISTRY_TYPE_STRING) {
			if (e->data > len || e->length > len - e->data)
				goto bad_value;
		} else {
			dev_warn(sim_dev(sim),
				 "SET_REGISTRY: entry %u has unknown type %u\n",
				 i, e->type);
			return NV_ERR_INVALID_PARAM_STRUCT;
		}
	}
	sim->gsp.registry_keys = t->num_entries;
	return NV_OK;

bad_value:
	dev_warn(sim_dev(sim), "SET_REGISTRY: entry %u value out of bounds\n",
		 i);
	return NV_ERR_INVALID_PARAM_STRUCT;
}

/* handle one complete command */

/*
 * GspSystemInfo, decoded in the release's own layout: the firmware would
 * program the wrong BARs with anything but this board's, so refuse it.
 */
static u32 sim_gsp_sysinfo(struct sim_gpu *sim, const void *data)
{
	struct nvvgpu_system_info board;
	struct sim_sysinfo si = {};
	u64 bdf;

	if (!sim_fwif_sysinfo_decode(sim, data, &si))
		return NV_ERR_NOT_SUPPORTED;
	sim_board_system_info(sim, &board);
	bdf = NVGSP_SYSINFO_BDF(board.pci_domain, board.pci_bus,
				board.pci_devfn);
	if (si.bar0_addr != board.bar0_addr ||
	    si.fb_bar_addr != board.fb_bar_addr ||
	    si.inst_bar_addr != board.inst_bar_addr || si.bdf != bdf) {
		dev_warn(sim_dev(sim),
			 "SET_SYSTEM_INFO: BARs %#llx/%#llx/%#llx at %#llx, the board has %#llx/%#llx/%#llx at %#llx\n",
			 si.bar0_addr, si.fb_bar_addr, si.inst_bar_addr, si.bdf,
			 board.bar0_addr, board.fb_bar_addr,
			 board.inst_bar_addr, bdf);
		sim->gsp.last_error = "GspSystemInfo of another board";
		return NV_ERR_INVALID_ARGUMENT;
	}
	if (si.has_pci_ids &&
	    si.pci_device_id != (board.pci_vendor_id |
				 (u32)board.pci_device_id << 16)) {
		dev_warn(sim_dev(sim), "SET_SYSTEM_INFO: PCIDeviceID %#x, the board is %#x\n",
			 si.pci_device_id,
			 board.pci_vendor_id | (u32)board.pci_device_id << 16);
		sim->gsp.last_error = "GspSystemInfo of another board";
		return NV_ERR_INVALID_ARGUMENT;
	}
	return NV_OK;
}

static void sim_gsp_dispatch(struct sim_gpu *sim, u32 fn, u32 token,
			     void *data, u32 len)
{
	struct sim_gsp *gsp = &sim->gsp;
	u32 status;
	void *buf;

	if (!gsp->init_done && fn != NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO &&
	    fn != NV_VGPU_MSG_FUNCTION_SET_REGISTRY) {
		dev_warn(sim_dev(sim), "function %u before boot completed\n", fn);
		sim_gsp_reply(sim, fn, token, NV_ERR_INVALID_STATE, NULL, 0);
		return;
	}

	switch (fn) {
	case NV_VGPU_MSG_FUNCTION_NOP:
		sim_gsp_reply(sim, fn, token, NV_OK, NULL, 0);
		break;
	case NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO:
		if (len != sim->abi->sysinfo_size) {
			dev_warn(sim_dev(sim),
				 "SET_SYSTEM_INFO: %u bytes, release %s expects %u\n",
				 len, sim->abi->version, sim->abi->sysinfo_size);
			sim_gsp_reply(sim, fn, token,
				      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT,
				      NULL, 0);
			break;
		}
		status = sim_gsp_sysinfo(sim, data);
		if (status == NV_OK)
			gsp->got_sysinfo = true;
		sim_gsp_reply(sim, fn, token, status, NULL, 0);
		break;
	case NV_VGPU_MSG_FUNCTION_SET_REGISTRY:
		status = sim_gsp_registry(sim, data, len);
		if (status == NV_OK)
			gsp->got_registry = true;
		sim_gsp_reply(sim, fn, token, status, NULL, 0);
		break;
	case NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO:
		if (len != sim->abi->static_info_size) {
			dev_warn(sim_dev(sim),
				 "GET_GSP_STATIC_INFO: %u bytes, release %s expects %u\n",
				 len, sim->abi->version,
				 sim->abi->static_info_size);
			sim_gsp_reply(sim, fn, token,
				      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT,
				      NULL, 0);
			break;
		}
		buf = kzalloc(len, GFP_KERNEL);
		if (!buf) {
			sim_gsp_reply(sim, fn, token, NV_ERR_NO_MEMORY, NULL, 0);
			break;
		}
		sim_rm_static_info(sim, buf);
		sim_gsp_reply(sim, fn, token, NV_OK, buf, len);
		kfree(buf);
		break;
	case NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC:
		status = sim_rm_alloc(sim, data, len);
		sim_gsp_reply(sim, fn, token, status, data,
			      status == NV_OK ? len : 0);
		break;
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL:
		status = sim_rm_control(sim, data, len);
		sim_gsp_reply(sim, fn, token, status, data,
			      status == NV_OK ? len : 0);
		break;
	case NV_VGPU_MSG_FUNCTION_DUP_OBJECT:
		status = sim_rm_dup(sim, data, len);
		sim_gsp_reply(sim, fn, token, status, data,
			      status == NV_OK ? len : 0);
		break;
	case NV_VGPU_MSG_FUNCTION_ECC_NOTIFIER_WRITE_ACK:
		gsp->ecc_acks++;
		sim_gsp_reply(sim, fn, token, NV_OK, NULL, 0);
		break;
	case NV_VGPU_MSG_FUNCTION_FREE:
		status = sim_rm_free(sim, data, len);
		sim_gsp_reply(sim, fn, token, status, data,
			      status == NV_OK ? len : 0);
		break;
	case NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER:
		if (len < sizeof(struct nvgsp_rpc_unloading_guest_driver)) {
			sim_gsp_reply(sim, fn, token,
				      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT,
				      NULL, 0);
			break;
		}
		sim_gsp_reply(sim, fn, token, NV_OK, NULL, 0);
		gsp->unload_pending = true;
		break;
	default:
		dev_warn(sim_dev(sim), "unknown RPC function %u\n", fn);
		sim_gsp_reply(sim, fn, token,
			      NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION, NULL, 0);
		break;
	}
	sim_gsp_check_init_done(sim);
}

/* total payload a split command announces, 0 if it cannot be split */
static size_t sim_gsp_split_total(u32 fn, const void *data, u32 len)
{
	const struct nvgsp_rpc_rm_control *ctrl = data;
	const struct nvgsp_rpc_rm_alloc *alloc = data;
	const struct nvgsp_registry_table *reg = data;

	switch (fn) {
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL:
		return sizeof(*ctrl) + (size_t)ctrl->params_size;
	case NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC:
		return sizeof(*alloc) + (size_t)alloc->params_size;
	case NV_VGPU_MSG_FUNCTION_SET_REGISTRY:
		return reg->size;
	default:
		return 0;
	}
}

/* route one validated element: whole command or part of a split one */
static void sim_gsp_receive(struct sim_gpu *sim, u32 fn, u32 token,
			    void *data, u32 len)
{
	struct sim_gsp *gsp = &sim->gsp;
	size_t total;

	if (gsp->big_total) {
		if (fn != NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD ||
		    len > gsp->big_total - gsp->big_len) {
			sim_gsp_crash(sim, SIM_GSP_FATAL_QUEUE, 2,
				      "split command interrupted or overlong");
			return;
		}
		memcpy(gsp->big + gsp->big_len, data, len);
		gsp->big_len += len;
		if (gsp->big_len < gsp->big_total)
			return;
		gsp->big_total = 0;
		sim_gsp_dispatch(sim, gsp->big_fn, gsp->big_token, gsp->big,
				 gsp->big_len);
		return;
	}

	if (fn == NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_QUEUE, 3,
			      "continuation record without a command");
		return;
	}

	total = len == NVGSP_RPC_MAX_PAYLOAD ?
		sim_gsp_split_total(fn, data, len) : 0;
	if (total <= len) {
		sim_gsp_dispatch(sim, fn, token, data, len);
		return;
	}
	if (total > SIM_GSP_BIG_MAX) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_QUEUE, 4,
			      "split command larger than the emulator takes");
		return;
	}
	/* kept from one split command to the next */
	if (gsp->big_size < total) {
		kvfree(gsp->big);
		gsp->big_size = 0;
		gsp->big = kvmalloc(total, GFP_KERNEL);
		if (!gsp->big) {
			sim_gsp_crash(sim, SIM_GSP_FATAL_NOMEM, 0,
				      "out of memory for a split command");
			return;
		}
		gsp->big_size = total;
	}
	memcpy(gsp->big, data, len);
	gsp->big_fn = fn;
	gsp->big_token = token;
	gsp->big_len = len;
	gsp->big_total = total;
}

/* take one command off the cmdq; false when there is none */
static bool sim_gsp_consume(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	struct nvgsp_msg_element *msg = gsp->rxbuf;
	const char *reason;
	u32 rd, wr, used;
	int n, ret;

	rd = gsp->statq_rx->read_ptr;
	wr = READ_ONCE(gsp->cmdq_tx->write_ptr);
	if (wr >= NVGSP_QUEUE_SLOTS) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_QUEUE, 5,
			      "cmdq write pointer out of range");
		return false;
	}
	used = nvgsp_msgq_used_slots(rd, wr, NVGSP_QUEUE_SLOTS);
	if (!used)
		return false;
	/* the pointer before the slots it publishes */
	rmb();

	nvgsp_ring_peek(msg, gsp->cmdq_slots, rd);
	n = nvgsp_msg_check_frame(msg, used, &reason);
	if (n < 0)
		goto bad;
	nvgsp_ring_read(msg, gsp->cmdq_slots, NVGSP_QUEUE_SLOTS, rd, n);
	ret = nvgsp_msg_check_length(msg, &reason) ?:
	      nvgsp_msg_check_body(msg, gsp->rx_seq, sim->abi->csum_rule,
				   &reason);
	if (ret)
		goto bad;

	gsp->rx_seq++;
	gsp->rx_msgs++;
	/* done reading the slots before handing them back */
	mb();
	WRITE_ONCE(gsp->statq_rx->read_ptr,
		   nvgsp_msgq_advance(rd, n, NVGSP_QUEUE_SLOTS));

	sim_gsp_receive(sim, msg->rpc.function, msg->rpc.sequence, msg + 1,
			msg->rpc.length - NVGSP_RPC_HDR_SIZE);
	return true;

bad:
	dev_err(sim_dev(sim), "cmdq slot %u (seq %u, expected %u): %s\n",
		rd, msg->seq_num, gsp->rx_seq, reason);
	sim_gsp_crash(sim, SIM_GSP_FATAL_QUEUE, 6, reason);
	return false;
}

/* find an id8 region in the LibOS array */
static const struct nvgsp_libos_region *
sim_gsp_libos_find(const struct nvgsp_libos_region *regions, const char *name)
{
	u64 id8 = nvgsp_libos_id8(name);
	unsigned int i;

	for (i = 0; i < NVGSP_LIBOS_MAX_REGIONS; i++)
		if (regions[i].id8 == id8)
			return &regions[i];
	return NULL;
}

static void sim_gsp_boot(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	const struct nvgsp_libos_region *regions, *rmargs;
	struct nvgsp_msgq_tx_header cmdq_tx;
	struct nvgsp_mq_location loc;
	const char *reason;
	const u64 *ptes;
	void *shared, *args;
	u64 libos;
	u32 i;

	lockdep_assert_held(&gsp->lock);

	if (!sim->abi) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 0,
			      "no firmware image for this release");
		return;
	}

	libos = sim_reg_read(sim, NV_PGSP_FALCON_MAILBOX0) |
		(u64)sim_reg_read(sim, NV_PGSP_FALCON_MAILBOX1) << 32;
	regions = sim_mem_map(sim, libos, NVGSP_PAGE_SIZE);
	if (!regions) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 1,
			      "LibOS region array not in host memory");
		return;
	}
	rmargs = sim_gsp_libos_find(regions, "RMARGS");
	if (!rmargs || rmargs->size < sim->abi->args_cached_size ||
	    rmargs->kind != NVGSP_LIBOS_KIND_CONTIGUOUS ||
	    rmargs->loc != NVGSP_LIBOS_LOC_SYSMEM) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 2,
			      "no usable RMARGS region");
		return;
	}
	for (i = 0; i < sim_fwif_log_regions(sim); i++) {
		static const char * const logs[] = {
			"LOGINIT", "LOGINTR", "LOGRM", "LOGMNOC",
		};

		if (i >= ARRAY_SIZE(logs) || !sim_gsp_libos_find(regions, logs[i])) {
			sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 2,
				      "a log region of the release is missing");
			return;
		}
	}
	args = sim_mem_map(sim, rmargs->pa, sim->abi->args_cached_size);
	if (!args) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 3,
			      "RMARGS not in host memory");
		return;
	}
	nvgsp_args_cached_read(sim->abi, args, &loc);

	/* the emulator supports the standard geometry of §1.1 only */
	if (loc.pte_count != NVGSP_SHARED_PTES ||
	    loc.cmdq_offset != NVGSP_CMDQ_OFFSET ||
	    loc.statq_offset != NVGSP_STATQ_OFFSET) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 4,
			      "unsupported message-queue geometry");
		return;
	}
	shared = sim_mem_map(sim, loc.shared_mem_pa, NVGSP_SHARED_SIZE);
	if (!shared) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 5,
			      "shared queue block not in host memory");
		return;
	}
	ptes = shared;
	for (i = 0; i < NVGSP_SHARED_PTES; i++) {
		if (ptes[i] != loc.shared_mem_pa + (u64)i * NVGSP_PAGE_SIZE) {
			sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 6,
				      "page table does not describe the shared block");
			return;
		}
	}

	memcpy(&cmdq_tx, shared + NVGSP_CMDQ_OFFSET, sizeof(cmdq_tx));
	if (nvgsp_msgq_check_tx(&cmdq_tx, NVGSP_QUEUE_SIZE, &reason)) {
		dev_err(sim_dev(sim), "cmdq header: %s\n", reason);
		sim_gsp_crash(sim, SIM_GSP_FATAL_BOOT, 7,
			      "command queue header rejected");
		return;
	}

	if (sim_rm_init(sim)) {
		sim_gsp_crash(sim, SIM_GSP_FATAL_NOMEM, 1,
			      "out of memory for the internal client");
		return;
	}

	gsp->shared_bus = loc.shared_mem_pa;
	gsp->cmdq_tx = shared + NVGSP_CMDQ_OFFSET;
	gsp->cmdq_rx = shared + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_RX_HDR_OFF;
	gsp->cmdq_slots = shared + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	gsp->statq_tx = shared + NVGSP_STATQ_OFFSET;
	gsp->statq_rx = shared + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_RX_HDR_OFF;
	gsp->statq_slots = shared + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;

	nvgsp_msgq_tx_init(gsp->statq_tx);
	WRITE_ONCE(gsp->statq_rx->read_ptr, 0);
	gsp->rx_seq = 0;
	gsp->tx_seq = 0;
	gsp->state = SIM_GSP_RUNNING;
	dev_dbg(sim_dev(sim), "GSP booted, release %s, queues at %#llx\n",
		sim->abi->version, loc.shared_mem_pa);
}

static unsigned long sim_gsp_run(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	unsigned long delay;
	int budget = SIM_GSP_BUDGET;

	delay = sim_gsp_flush(sim);
	while (!delay && !gsp->fault.hang && gsp->state == SIM_GSP_RUNNING) {
		if (!budget--)
			return 1;
		if (!sim_gsp_consume(sim))
			break;
		delay = sim_gsp_flush(sim);
	}
	return delay;
}

/* drop all firmware state; from the work itself or with the work stopped */
static void sim_gsp_clear(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	struct sim_gsp_msg *msg, *tmp;

	lockdep_assert_held(&gsp->lock);

	list_for_each_entry_safe(msg, tmp, &gsp->outq, link) {
		list_del(&msg->link);
		kfree(msg);
	}
	kvfree(gsp->big);
	gsp->big = NULL;
	gsp->big_size = 0;
	gsp->big_total = 0;
	sim_rm_fini(sim);
	sim_vgpu_reset(sim);
	sim_objsched_reset(sim);
	gsp->shared_bus = 0;
	gsp->cmdq_tx = NULL;
	gsp->cmdq_rx = NULL;
	gsp->cmdq_slots = NULL;
	gsp->statq_tx = NULL;
	gsp->statq_rx = NULL;
	gsp->statq_slots = NULL;
	gsp->got_sysinfo = false;
	gsp->num_types = 0;
	gsp->got_registry = false;
	gsp->init_done = false;
	gsp->unload_pending = false;
	gsp->irq_bits = 0;
}

/* ENGINE.RESET: the core forgets everything, as after power-on */
static void sim_gsp_do_engine_reset(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;

	lockdep_assert_held(&gsp->lock);

	WRITE_ONCE(gsp->reset_pending, false);
	WRITE_ONCE(gsp->state, SIM_GSP_OFF);
	gsp->start_pending = false;
	sim_gsp_clear(sim);
	gsp->rx_seq = 0;
	gsp->tx_seq = 0;
	gsp->last_error = NULL;
	gsp->resets++;
	sim_reg_poke(sim, NV_PGSP_MAILBOX(0), 0);
	sim_reg_mask(sim, NV_PFALCON_FALCON_IRQSTAT, ~0u, 0);
	/* memories scrubbed: the host may boot the core again */
	sim_reg_mask(sim, NV_PFALCON_FALCON_HWCFG2,
		     NV_PFALCON_FALCON_HWCFG2_MEM_SCRUBBING, 0);
	dev_info(sim_dev(sim), "GSP engine reset (%llu so far)\n", gsp->resets);
}

static void sim_gsp_work(struct work_struct *work)
{
	struct sim_gpu *sim = container_of(to_delayed_work(work),
					   struct sim_gpu, work);
	struct sim_gsp *gsp = &sim->gsp;
	unsigned long retry = 0;
	u32 irq;

	mutex_lock(&gsp->lock);
	if (READ_ONCE(gsp->reset_pending))
		sim_gsp_do_engine_reset(sim);
	if (gsp->start_pending) {
		gsp->start_pending = false;
		if (gsp->state == SIM_GSP_OFF)
			sim_gsp_boot(sim);
	}
	if (gsp->state == SIM_GSP_RUNNING)
		retry = sim_gsp_run(sim);
	irq = gsp->irq_bits;
	gsp->irq_bits = 0;
	mutex_unlock(&gsp->lock);

	if (irq)
		sim_irq_raise(sim, irq);
	if (retry)
		queue_delayed_work(sim->wq, &sim->work, retry);
}

/**
 * sim_gsp_kick() - run the emulator soon
 * @sim: the GPU
 *
 * Safe in atomic context (register writes come from the host's IRQ path).
 */
void sim_gsp_kick(struct sim_gpu *sim)
{
	mod_delayed_work(sim->wq, &sim->work, 0);
}

/**
 * sim_gsp_engine_reset() - the host asserted ENGINE.RESET
 * @sim: the GPU
 *
 * Safe in atomic context: the emulator's work does the reset and ends
 * HWCFG2.MEM_SCRUBBING when it is done.
 */
void sim_gsp_engine_reset(struct sim_gpu *sim)
{
	WRITE_ONCE(sim->gsp.reset_pending, true);
	sim_gsp_kick(sim);
}

void sim_gsp_start(struct sim_gpu *sim)
{
	WRITE_ONCE(sim->gsp.start_pending, true);
	sim_gsp_kick(sim);
}

void sim_gsp_doorbell(struct sim_gpu *sim)
{
	/* before boot the commands wait in the ring, as on hardware */
	if (READ_ONCE(sim->gsp.state) == SIM_GSP_RUNNING)
		sim_gsp_kick(sim);
}

/**
 * sim_gsp_reset() - reset the GSP core: stop the emulator, forget all state
 * @sim: the GPU
 *
 * Must not be called from the emulator's own work.
 */
void sim_gsp_reset(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;

	mutex_lock(&gsp->lock);
	WRITE_ONCE(gsp->state, SIM_GSP_OFF);
	gsp->start_pending = false;
	WRITE_ONCE(gsp->reset_pending, false);
	mutex_unlock(&gsp->lock);

	cancel_delayed_work_sync(&sim->work);

	mutex_lock(&gsp->lock);
	sim_gsp_clear(sim);
	mutex_unlock(&gsp->lock);

	sim_reg_poke(sim, NV_PGSP_MAILBOX(0), 0);
	sim_reg_write(sim, NV_PFALCON_FALCON_IRQSCLR, ~0u);
	sim_reg_mask(sim, NV_PFALCON_FALCON_HWCFG2,
		     NV_PFALCON_FALCON_HWCFG2_MEM_SCRUBBING, 0);
}

/**
 * sim_gsp_forget() - the host frees memory; reset the GSP if it is linked
 *	to it
 * @sim: the GPU
 * @bus: bus address being freed
 * @size: bytes
 */
void sim_gsp_forget(struct sim_gpu *sim, u64 bus, size_t size)
{
	struct sim_gsp *gsp = &sim->gsp;
	bool overlap, running;

	mutex_lock(&gsp->lock);
	overlap = gsp->shared_bus && bus < gsp->shared_bus + NVGSP_SHARED_SIZE &&
		  gsp->shared_bus < bus + size;
	running = gsp->state == SIM_GSP_RUNNING;
	mutex_unlock(&gsp->lock);

	if (!overlap)
		return;
	if (running)
		dev_warn(sim_dev(sim),
			 "host freed the queues of a running GSP; resetting it\n");
	sim_gsp_reset(sim);
}

/**
 * sim_gsp_inject_crash() - crash the firmware on request (debugfs)
 * @sim: the GPU
 */
void sim_gsp_inject_crash(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;
	u32 irq;

	mutex_lock(&gsp->lock);
	sim_gsp_crash(sim, SIM_GSP_FATAL_INJECTED, 0, "injected crash");
	irq = gsp->irq_bits;
	gsp->irq_bits = 0;
	mutex_unlock(&gsp->lock);
	sim_irq_raise(sim, irq);
}

/**
 * sim_gsp_inject_unsolicited() - send a reply to a request never sent
 * @sim: the GPU
 * @function: rpc.function of the reply; its rpc.sequence is 0
 *
 * Return: nothing; a core that is not running sends nothing.
 */
void sim_gsp_inject_unsolicited(struct sim_gpu *sim, u32 function)
{
	struct sim_gsp *gsp = &sim->gsp;

	mutex_lock(&gsp->lock);
	if (gsp->state == SIM_GSP_RUNNING) {
		gsp->faults++;
		dev_info(sim_dev(sim), "fault: unsolicited reply %#x\n",
			 function);
		sim_gsp_reply(sim, function, 0, NV_OK, NULL, 0);
	}
	mutex_unlock(&gsp->lock);
	sim_gsp_kick(sim);
}

/**
 * sim_gsp_inject_event() - send an event, as the firmware would on its own
 * @sim: the GPU
 * @name: "rc_triggered" (@arg: exceptType), "os_error_log" (@arg: Xid) or
 *	"flood" (@arg OS_ERROR_LOG events at once, 1..%SIM_GSP_FLOOD_MAX)
 * @arg: see @name
 *
 * Return: 0, -EINVAL for an unknown @name or a flood out of range, -ENODEV
 * when the core is not running, -ENOMEM.
 */
int sim_gsp_inject_event(struct sim_gpu *sim, const char *name, u32 arg)
{
	u8 rc[SIM_FWIF_RC_TRIGGERED_MAX] = {};
	struct sim_gsp *gsp = &sim->gsp;
	struct nvgsp_rpc_os_error_log *log;
	u32 i, n = 1;
	int ret = 0;

	if (!sim->abi)
		return -ENODEV;
	log = kzalloc(sim->abi->os_error_log_size, GFP_KERNEL);
	if (!log)
		return -ENOMEM;
	log->except_type = arg;
	strscpy(log->err_string, "injected by nvvgpu_sim",
		sizeof(log->err_string));

	mutex_lock(&gsp->lock);
	if (gsp->state != SIM_GSP_RUNNING) {
		ret = -ENODEV;
	} else if (!strcmp(name, "rc_triggered")) {
		sim_gsp_event(sim, NVGSP_EVENT_RC_TRIGGERED, rc,
			      sim_fwif_rc_triggered(sim, rc, 1, arg));
	} else if (!strcmp(name, "flood") &&
		   (!arg || arg > SIM_GSP_FLOOD_MAX)) {
		dev_warn(sim_dev(sim), "event: flood of %u events, 1..%u allowed\n",
			 arg, SIM_GSP_FLOOD_MAX);
		ret = -EINVAL;
	} else if (!strcmp(name, "os_error_log") || !strcmp(name, "flood")) {
		if (!strcmp(name, "flood"))
			n = arg;
		for (i = 0; i < n; i++)
			sim_gsp_event(sim, NVGSP_EVENT_OS_ERROR_LOG, log,
				      sim->abi->os_error_log_size);
	} else {
		dev_warn(sim_dev(sim), "event: unknown event \"%s\" (rc_triggered, os_error_log, flood)\n",
			 name);
		ret = -EINVAL;
	}
	mutex_unlock(&gsp->lock);
	kfree(log);
	sim_gsp_kick(sim);
	return ret;
}

int sim_gsp_init(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;

	mutex_init(&gsp->lock);
	INIT_LIST_HEAD(&gsp->outq);
	xa_init(&gsp->clients);
	INIT_DELAYED_WORK(&sim->work, sim_gsp_work);

	gsp->rxbuf = kvzalloc(NVGSP_MSG_MAX_SIZE, GFP_KERNEL);
	if (!gsp->rxbuf)
		goto err;

	sim->wq = alloc_ordered_workqueue("nvvgpu_sim%u", 0, sim->index);
	if (!sim->wq)
		goto err;
	return 0;

err:
	kvfree(gsp->rxbuf);
	mutex_destroy(&gsp->lock);
	return -ENOMEM;
}

void sim_gsp_fini(struct sim_gpu *sim)
{
	struct sim_gsp *gsp = &sim->gsp;

	sim_gsp_reset(sim);
	destroy_workqueue(sim->wq);
	xa_destroy(&gsp->clients);
	kvfree(gsp->rxbuf);
	mutex_destroy(&gsp->lock);
}
