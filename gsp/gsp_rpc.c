// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: RPCs over the queues.
 *
 * One synchronous RPC is in flight at a time: replies carry no request id
 * in the supported releases, so a reply is matched by function number
 * (and, where the release's table says, rpc.sequence). The waiter drains
 * the status queue itself, so RPCs work before the core routes interrupts
 * to the transport (during attach); after that, SWGEN0 drains it from a
 * work item and wakes the waiter early. Events found while draining are
 * handled in that same process context; handlers must not send RPCs.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_queue.h>
#include <nvvgpu/core.h>

#include "gsp.h"
#include "gsp_trace.h"

unsigned int gsp_rpc_timeout_ms = 2000;
module_param_named(rpc_timeout_ms, gsp_rpc_timeout_ms, uint, 0644);
MODULE_PARM_DESC(rpc_timeout_ms,
		 "Time a GSP RPC may take before it fails with -ETIMEDOUT (default 2000)");

/* hand one received message to its waiter or its event handler */
static void gsp_rpc_handle(struct nvvgpu_gsp *gsp,
			   const struct nvgsp_msg_element *msg)
{
	struct gsp_rpc_wait *w = gsp->wait;
	u32 fn = msg->rpc.function;
	u32 len = msg->rpc.length - NVGSP_RPC_HDR_SIZE;
	const void *payload = msg + 1;
	enum nvgsp_event ev;

	lockdep_assert_held(&gsp->msgq_lock);

	if (w && !w->done && w->function == fn) {
		if (w->buf_len)
			memcpy(w->buf, payload, min(len, w->buf_len));
		w->reply_len = len;
		w->result = msg->rpc.rpc_result;
		w->done = true;
		complete(&w->completion);
		return;
	}

	ev = nvgsp_fw_abi_event_lookup(gsp->abi, fn);
	if (ev != NVGSP_EVENT_NR) {
		trace_gsp_event(gsp->pgpu->id, fn, gsp_fwif_event_name(ev), len);
		gsp_event_dispatch(gsp, ev, payload, len);
		return;
	}

	/*
	 * Replies to asynchronous RPCs (SET_SYSTEM_INFO, SET_REGISTRY), or
	 * late replies to RPCs that timed out.
	 */
	if (msg->rpc.rpc_result)
		dev_warn(gsp->dev, "unsolicited %s (%u) reply failed: %s (%#x)\n",
			 gsp_fwif_function_name(gsp->abi, fn), fn,
			 gsp_status_name(msg->rpc.rpc_result),
			 msg->rpc.rpc_result);
	else
		dev_dbg(gsp->dev, "dropping unsolicited %s (%u) reply\n",
			gsp_fwif_function_name(gsp->abi, fn), fn);
}

/**
 * gsp_rpc_drain() - handle every message waiting in the status queue
 * @gsp: the transport
 */
void gsp_rpc_drain(struct nvvgpu_gsp *gsp)
{
	const struct nvgsp_msg_element *msg;
	int ret;

	mutex_lock(&gsp->msgq_lock);
	for (;;) {
		ret = gsp_msgq_recv(gsp, &msg);
		if (ret == -EAGAIN)
			continue;
		if (ret)
			break;
		gsp_rpc_handle(gsp, msg);
	}
	mutex_unlock(&gsp->msgq_lock);

	if (ret == -EPROTO && !xchg(&gsp->dead, true))
		nvvgpu_pgpu_set_lost(gsp->pgpu, "GSP status queue corrupted");
}

void gsp_rpc_recv_work(struct work_struct *work)
{
	struct nvvgpu_gsp *gsp = container_of(work, struct nvvgpu_gsp,
					      recv_work);

	gsp_rpc_drain(gsp);
}

static void gsp_rpc_set_wait(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w)
{
	mutex_lock(&gsp->msgq_lock);
	gsp->wait = w;
	mutex_unlock(&gsp->msgq_lock);
}

/* poll and sleep until @w completes, the firmware dies or time runs out */
static int gsp_rpc_wait(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w,
			unsigned int timeout_ms)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
	bool done;

	lockdep_assert_held(&gsp->rpc_lock);

	for (;;) {
		gsp_rpc_drain(gsp);
		mutex_lock(&gsp->msgq_lock);
		done = w->done;
		mutex_unlock(&gsp->msgq_lock);
		if (done)
			return 0;
		if (!gsp_health_check(gsp))
			return -ENODEV;
		if (time_after(jiffies, deadline)) {
			dev_err(gsp->dev, "%s (%#x) timed out after %u ms\n",
				gsp_fwif_function_name(gsp->abi, w->function),
				w->function, timeout_ms);
			trace_gsp_rpc_timeout(gsp->pgpu->id, w->function,
					      timeout_ms);
			return -ETIMEDOUT;
		}
		wait_for_completion_timeout(&w->completion,
					    msecs_to_jiffies(1));
	}
}

/**
 * gsp_rpc_send() - queue an RPC without waiting for its reply
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: payload
 * @req_len: payload bytes
 *
 * Return: 0 or a negative errno from the queue.
 */
int gsp_rpc_send(struct nvvgpu_gsp *gsp, u32 function, const void *req,
		 u32 req_len)
{
	if (READ_ONCE(gsp->dead))
		return -ENODEV;
	return gsp_msgq_push(gsp, function, req, req_len);
}

/**
 * gsp_rpc_call() - send an RPC and wait for its reply
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: payload
 * @req_len: payload bytes
 * @reply: where the reply payload goes
 * @reply_len: bytes the reply payload must have at least; more are cut
 *
 * Return: 0; -ETIMEDOUT after rpc_timeout_ms; -ENODEV once the firmware is
 * dead; the errno of a failed rpc_result; -EPROTO for a short reply.
 */
int gsp_rpc_call(struct nvvgpu_gsp *gsp, u32 function, const void *req,
		 u32 req_len, void *reply, u32 reply_len)
{
	struct gsp_rpc_wait w = {
		.function = function,
		.buf = reply,
		.buf_len = reply_len,
	};
	int ret;

	if (READ_ONCE(gsp->dead))
		return -ENODEV;

	init_completion(&w.completion);
	mutex_lock(&gsp->rpc_lock);
	gsp_rpc_set_wait(gsp, &w);
	ret = gsp_msgq_push(gsp, function, req, req_len);
	if (!ret)
		ret = gsp_rpc_wait(gsp, &w, gsp_rpc_timeout_ms);
	gsp_rpc_set_wait(gsp, NULL);
	mutex_unlock(&gsp->rpc_lock);
	if (ret)
		return ret;

	if (w.result) {
		dev_err(gsp->dev, "%s failed: %s (%#x)\n",
			gsp_fwif_function_name(gsp->abi, function),
			gsp_status_name(w.result), w.result);
		return gsp_status_to_errno(w.result);
	}
	if (w.reply_len < reply_len) {
		dev_err(gsp->dev, "%s reply has %u bytes, expected %u\n",
			gsp_fwif_function_name(gsp->abi, function),
			w.reply_len, reply_len);
		return -EPROTO;
	}
	return 0;
}

/**
 * gsp_rpc_wait_event() - wait for one event (GSP_INIT_DONE at boot)
 * @gsp: the transport
 * @ev: the event
 * @timeout_ms: how long
 *
 * Return: 0, -ETIMEDOUT, -ENODEV, -EOPNOTSUPP if the release lacks @ev,
 * or the errno of a failed rpc_result.
 */
int gsp_rpc_wait_event(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
		       unsigned int timeout_ms)
{
	struct gsp_rpc_wait w = {
		.function = nvgsp_fw_abi_event(gsp->abi, ev),
	};
	int ret;

	if (!w.function)
		return -EOPNOTSUPP;

	init_completion(&w.completion);
	mutex_lock(&gsp->rpc_lock);
	gsp_rpc_set_wait(gsp, &w);
	ret = gsp_rpc_wait(gsp, &w, timeout_ms);
	gsp_rpc_set_wait(gsp, NULL);
	mutex_unlock(&gsp->rpc_lock);
	if (ret)
		return ret;
	if (w.result) {
		dev_err(gsp->dev, "%s reports %s (%#x)\n",
			gsp_fwif_event_name(ev), gsp_status_name(w.result),
			w.result);
		return gsp_status_to_errno(w.result);
	}
	return 0;
}
