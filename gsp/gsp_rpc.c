// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: RPCs over the queues.
 *
 * Synchronous RPCs from several callers are in flight at once, so that the
 * firmware works through one while the next is being sent: each carries a
 * fresh token in rpc.sequence and waits on a list kept in sending order,
 * and a reply is given to the RPC whose function and token it has (DOC:
 * reply matching in <nvvgpu/abi/msgq.h>); a late reply to an RPC that gave
 * up, or a reply to no request, is dropped with a log line, never taken as
 * the reply of another RPC. With a firmware not (yet) seen echoing tokens,
 * RPCs go one at a time, as CPU-RM sends them.
 *
 * The waiters drain the status queue themselves, whichever runs first
 * completing the others, so RPCs work before the core routes interrupts to
 * the transport (during attach). After that, SWGEN0 wakes the waiters
 * directly from the interrupt (one wake-up, no work item in between) and,
 * when nobody waits, drains the queue from a work item.
 * Events found while draining go to their handlers through a work item of
 * their own (DOC: events).
 *
 * Every wait is bounded by rpc_timeout_ms and checks the firmware's fatal
 * report, so a caller gets an errno and a log line naming the fault: -ENODEV
 * when the firmware died (or a reset is under way), -ETIMEDOUT when no
 * reply came, -EBADMSG / -EPROTO when its reply arrived malformed, the
 * mapped NV_STATUS when it failed.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/limits.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/wait.h>

#include <nvvgpu/abi/gsp_queue.h>
#include <nvvgpu/core.h>

#include "gsp.h"
#include "gsp_test.h"
#include "gsp_trace.h"

unsigned int gsp_rpc_timeout_ms = 2000;
module_param_named(rpc_timeout_ms, gsp_rpc_timeout_ms, uint, 0644);
MODULE_PARM_DESC(rpc_timeout_ms,
		 "Time a GSP RPC may take before it fails with -ETIMEDOUT (default 2000)");

/* how often a waiter looks at the queue and the fatal report unprompted */
#define GSP_RPC_POLL	msecs_to_jiffies(1)

/**
 * gsp_rpc_init() - set up the queue locks and the RPC waiters
 * @gsp: the transport, zeroed
 */
void gsp_rpc_init(struct nvvgpu_gsp *gsp)
{
	mutex_init(&gsp->cmdq_lock);
	mutex_init(&gsp->msgq_lock);
	mutex_init(&gsp->rpc_serial);
	INIT_LIST_HEAD(&gsp->waiters);
	init_waitqueue_head(&gsp->rx_wq);
	INIT_WORK(&gsp->recv_work, gsp_rpc_recv_work);
}

/**
 * gsp_rpc_fini() - undo gsp_rpc_init(), with no RPC left
 * @gsp: the transport
 */
void gsp_rpc_fini(struct nvvgpu_gsp *gsp)
{
	WARN_ON_ONCE(!list_empty(&gsp->waiters));
	cancel_work_sync(&gsp->recv_work);
	mutex_destroy(&gsp->rpc_serial);
	mutex_destroy(&gsp->msgq_lock);
	mutex_destroy(&gsp->cmdq_lock);
}

/**
 * gsp_rpc_kick() - wake every waiter to drain the queue and look again
 * @gsp: the transport
 *
 * Any context: HALT, a firmware found dead, a reset starting.
 */
void gsp_rpc_kick(struct nvvgpu_gsp *gsp)
{
	atomic_inc(&gsp->rx_gen);
	wake_up_all(&gsp->rx_wq);
}

/*
 * SWGEN0: one waiter drains the queue for all (they sleep exclusively),
 * and wakes the others whose replies it finds (gsp_rpc_finish()), rather
 * than all of them waking to find the queue empty.
 */
static void gsp_rpc_kick_drainer(struct nvvgpu_gsp *gsp)
{
	atomic_inc(&gsp->rx_gen);
	wake_up(&gsp->rx_wq);
}

/* end the wait of @w; its waiter reads the outcome under msgq_lock */
static void gsp_rpc_finish(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w,
			   int error)
{
	lockdep_assert_held(&gsp->msgq_lock);

	w->error = error;
	WRITE_ONCE(w->done, true);
	if (gsp->rx_cont == w)
		gsp->rx_cont = NULL;
	if (error)
		gsp->stats.failed++;
	/* @w lives until its waiter takes msgq_lock, which we hold */
	wake_up_process(w->task);
}

static void gsp_rpc_note_echo(struct nvvgpu_gsp *gsp, u32 token)
{
	enum gsp_echo echo = token ? GSP_ECHO_YES : GSP_ECHO_NO;

	if (READ_ONCE(gsp->echo) == echo)
		return;
	if (echo == GSP_ECHO_NO)
		dev_warn(gsp->dev,
			 "firmware does not echo rpc.sequence: replies are matched by function only, and a late reply cannot be told from the current one\n");
	WRITE_ONCE(gsp->echo, echo);
}

static bool gsp_rpc_echoes(struct nvvgpu_gsp *gsp)
{
	return gsp->abi->rpc_sequence || READ_ONCE(gsp->echo) == GSP_ECHO_YES;
}

/*
 * The waiting RPC a reply (or, dropped, what it claimed to be) belongs to
 * under DOC: reply matching, the oldest first since GSP-RM answers in
 * order, @ended (a wait about to end) left out; NULL with @kind the
 * verdict for nobody's reply.
 */
static struct gsp_rpc_wait *gsp_rpc_match(struct nvvgpu_gsp *gsp, u32 fn,
					  u32 token,
					  const struct gsp_rpc_wait *ended,
					  enum nvgsp_reply_kind *kind)
{
	bool echo = gsp_rpc_echoes(gsp);
	struct gsp_rpc_wait *w;

	lockdep_assert_held(&gsp->msgq_lock);

	list_for_each_entry(w, &gsp->waiters, link) {
		if (w->done || w == ended || !w->token)
			continue;
		*kind = nvgsp_reply_classify(fn, token, w->function, w->token,
					     echo);
		if (*kind == NVGSP_REPLY_MINE || *kind == NVGSP_REPLY_FOREIGN)
			return w;
	}
	*kind = nvgsp_reply_classify(fn, token, 0, 0, echo);
	return NULL;
}

/* the token of the oldest RPC waiting, 0 if none, for the record */
static u32 gsp_rpc_oldest_token(struct nvvgpu_gsp *gsp)
{
	struct gsp_rpc_wait *w;

	list_for_each_entry(w, &gsp->waiters, link)
		if (!w->done && w->token)
			return w->token;
	return 0;
}

/* the oldest wait for event function @fn, if any */
static struct gsp_rpc_wait *gsp_rpc_match_event(struct nvvgpu_gsp *gsp,
						u32 fn)
{
	struct gsp_rpc_wait *w;

	list_for_each_entry(w, &gsp->waiters, link)
		if (!w->done && !w->token && w->function == fn)
			return w;
	return NULL;
}

/*
 * Where the payload of @msg goes, decided from its headers before the
 * payload is read, by the rules gsp_rpc_handle() applies to the message
 * once it has passed its checks: into the buffers of the RPC whose reply
 * (or continuation of it) it is, into the receive buffer if it is an event
 * for the handlers, or nowhere.
 *
 * A message that then fails its checks has left its payload there, in the
 * buffers of an RPC that either fails (gsp_rpc_dropped(), or a reply that
 * interrupts it) or succeeds only once a good reply has filled them whole
 * (gsp_rpc_callv() insists on every byte).
 */
static void gsp_rpc_route(struct nvvgpu_gsp *gsp,
			  const struct nvgsp_msg_element *msg,
			  struct gsp_msg_dst *dst)
{
	u32 fn = msg->rpc.function;
	enum nvgsp_reply_kind kind;
	struct gsp_rpc_wait *w;

	lockdep_assert_held(&gsp->msgq_lock);

	dst->skip = 0;
	if (fn == NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD) {
		w = gsp->rx_cont;
		if (w)
			dst->skip = w->reasm.len;
	} else if (nvgsp_fw_abi_event_lookup(gsp->abi, fn) != NVGSP_EVENT_NR) {
		w = gsp_rpc_match_event(gsp, fn);
		if (!w) {
			dst->one.iov_base = gsp->msgq_buf;
			dst->one.iov_len = NVGSP_RPC_MAX_PAYLOAD;
			dst->vec = &dst->one;
			dst->nr = 1;
			return;
		}
	} else {
		/* the split reply it interrupts fails first */
		w = gsp_rpc_match(gsp, fn, msg->rpc.sequence, gsp->rx_cont,
				  &kind);
		if (kind != NVGSP_REPLY_MINE)
			w = NULL;
	}
	dst->vec = w ? w->vec : NULL;
	dst->nr = w ? w->nr : 0;
}

/*
 * the reply to a waiting RPC, possibly the first of several elements; its
 * payload is in the RPC's buffers already (gsp_rpc_route())
 */
static void gsp_rpc_take_reply(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w,
			       const struct nvgsp_msg_element *msg)
{
	u32 len = msg->rpc.length - NVGSP_RPC_HDR_SIZE;

	if (w->token) {
		if (!msg->rpc.sequence && gsp->abi->rpc_sequence) {
			dev_err(gsp->dev, "%s reply without rpc.sequence, which release %s requires\n",
				gsp_fwif_function_name(gsp->abi, w->function),
				gsp->abi->version);
			gsp_rpc_finish(gsp, w, -EPROTO);
			return;
		}
		gsp_rpc_note_echo(gsp, msg->rpc.sequence);
	}
	w->result = msg->rpc.rpc_result;
	if (nvgsp_reasm_start(&w->reasm, w->buf_len, len)) {
		w->reply_len = w->reasm.len;
		gsp_rpc_finish(gsp, w, 0);
	} else {
		gsp->rx_cont = w;
	}
}

/* a CONTINUATION_RECORD: the next part of a split reply, or left over */
static void gsp_rpc_continuation(struct nvvgpu_gsp *gsp,
				 const struct nvgsp_msg_element *msg)
{
	struct gsp_rpc_wait *w = gsp->rx_cont;
	const char *reason;
	int ret;

	if (w) {
		/* the payload is in place (gsp_rpc_route()): count it */
		ret = nvgsp_reasm_add(&w->reasm,
				      msg->rpc.length - NVGSP_RPC_HDR_SIZE,
				      &reason);
		if (ret < 0) {
			dev_err(gsp->dev, "%s reply (rpc.sequence %u): %s at byte %u of %u\n",
				gsp_fwif_function_name(gsp->abi, w->function),
				w->token, reason, w->reasm.len, w->reasm.total);
			gsp_rpc_finish(gsp, w, -EPROTO);
		} else if (ret) {
			w->reply_len = w->reasm.len;
			gsp_rpc_finish(gsp, w, 0);
		}
		return;
	}
	if (gsp->orphan_cont) {
		dev_dbg(gsp->dev, "continuation of a dropped message dropped\n");
		return;
	}
	gsp->stats.unsolicited++;
	dev_warn(gsp->dev, "continuation record (rpc.sequence %u) without a message, dropped\n",
		 msg->rpc.sequence);
}

/*
 * hand one received message, routed by gsp_rpc_route() and checked, to its
 * waiter or its event handler
 */
static void gsp_rpc_handle(struct nvvgpu_gsp *gsp,
			   const struct nvgsp_msg_element *msg)
{
	struct gsp_rpc_wait *w = gsp->rx_cont;
	u32 fn = msg->rpc.function;
	u32 token = msg->rpc.sequence;
	u32 len = msg->rpc.length - NVGSP_RPC_HDR_SIZE;
	enum nvgsp_reply_kind kind;
	enum nvgsp_event ev;

	lockdep_assert_held(&gsp->msgq_lock);

	if (fn == NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD) {
		gsp_rpc_continuation(gsp, msg);
		return;
	}
	gsp->orphan_cont = false;
	if (w) {
		dev_err(gsp->dev, "%s reply (rpc.sequence %u) interrupted by %s (%#x) after %u of %u bytes\n",
			gsp_fwif_function_name(gsp->abi, w->function), w->token,
			gsp_fwif_function_name(gsp->abi, fn), fn, w->reasm.len,
			w->reasm.total);
		gsp_rpc_finish(gsp, w, -EPROTO);
	}

	ev = nvgsp_fw_abi_event_lookup(gsp->abi, fn);
	if (ev != NVGSP_EVENT_NR) {
		w = gsp_rpc_match_event(gsp, fn);
		if (w) {
			gsp_rpc_take_reply(gsp, w, msg);
			return;
		}
		gsp->stats.events++;
		trace_gsp_event(gsp->pgpu->id, fn, gsp_fwif_event_name(ev), len);
		/* handled from a work item, outside the receive lock */
		gsp_event_dispatch(gsp, ev, gsp->msgq_buf, len);
		return;
	}

	w = gsp_rpc_match(gsp, fn, token, NULL, &kind);
	switch (kind) {
	case NVGSP_REPLY_MINE:
		gsp_rpc_take_reply(gsp, w, msg);
		return;
	case NVGSP_REPLY_FOREIGN:
		dev_err(gsp->dev, "reply with the rpc.sequence %u of %s is a %s (%#x) reply\n",
			token, gsp_fwif_function_name(gsp->abi, w->function),
			gsp_fwif_function_name(gsp->abi, fn), fn);
		gsp_rpc_finish(gsp, w, -EPROTO);
		return;
	case NVGSP_REPLY_STALE:
		gsp->stats.stale++;
		dev_warn(gsp->dev,
			 "stale %s (%#x) reply, rpc.sequence %u, dropped: its RPC gave up waiting%s\n",
			 gsp_fwif_function_name(gsp->abi, fn), fn, token,
			 list_empty(&gsp->waiters) ? " (no RPC waits)" : "");
		trace_gsp_rpc_stale(gsp->pgpu->id, fn, token,
				    gsp_rpc_oldest_token(gsp));
		break;
	case NVGSP_REPLY_UNSOLICITED:
		gsp->stats.unsolicited++;
		/* asynchronous RPCs are answered too, harmlessly */
		if (fn == NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO ||
		    fn == NV_VGPU_MSG_FUNCTION_SET_REGISTRY ||
		    fn == NV_VGPU_MSG_FUNCTION_ECC_NOTIFIER_WRITE_ACK)
			dev_dbg(gsp->dev, "reply to asynchronous %s: %s (%#x)\n",
				gsp_fwif_function_name(gsp->abi, fn),
				gsp_status_name(msg->rpc.rpc_result),
				msg->rpc.rpc_result);
		else
			dev_warn(gsp->dev,
				 "unsolicited %s (%#x) reply, rpc.sequence 0, result %#x, dropped: no request of it is outstanding\n",
				 gsp_fwif_function_name(gsp->abi, fn), fn,
				 msg->rpc.rpc_result);
		break;
	}
	gsp->orphan_cont = len == NVGSP_RPC_MAX_PAYLOAD;
}

/* a dropped message may have been a waited-for reply: fail it early */
static void gsp_rpc_dropped(struct nvvgpu_gsp *gsp,
			    const struct gsp_msg_drop *drop)
{
	struct gsp_rpc_wait *w = gsp->rx_cont;
	enum nvgsp_reply_kind kind;

	lockdep_assert_held(&gsp->msgq_lock);

	gsp->orphan_cont = drop->full;
	if (w) {
		/* a message in between fails it when it is handled */
		if (drop->function != NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD)
			return;
	} else {
		w = gsp_rpc_match(gsp, drop->function, drop->token, NULL,
				  &kind);
		if (!w || kind != NVGSP_REPLY_MINE)
			w = gsp_rpc_match_event(gsp, drop->function);
		if (!w)
			return;
	}
	dev_err(gsp->dev, "%s (rpc.sequence %u) fails: its reply was dropped (%s)\n",
		gsp_fwif_function_name(gsp->abi, w->function), w->token,
		drop->reason);
	gsp_rpc_finish(gsp, w, drop->err);
}

/* handle every message waiting; the queue's state with the lock held */
static int __gsp_rpc_drain(struct nvvgpu_gsp *gsp)
{
	struct gsp_msg_drop drop;
	struct gsp_msg_dst dst;
	struct gsp_rpc_wait *w;
	struct gsp_msg_rx rx;
	int ret = 0;

	lockdep_assert_held(&gsp->msgq_lock);

	/* a reset is rebuilding the queues */
	while (!READ_ONCE(gsp->resetting)) {
		ret = gsp_msgq_recv_head(gsp, &rx, &drop);
		if (!ret) {
			/* the payload goes once, straight where it belongs */
			gsp_rpc_route(gsp, &rx.hdr, &dst);
			ret = gsp_msgq_recv_payload(gsp, &rx, &dst, &drop);
		}
		if (ret == -EAGAIN) {
			gsp_rpc_dropped(gsp, &drop);
			continue;
		}
		if (ret)
			break;
		gsp_rpc_handle(gsp, &rx.hdr);
	}
	if (ret == -EPROTO)
		list_for_each_entry(w, &gsp->waiters, link)
			if (!w->done)
				gsp_rpc_finish(gsp, w, -EPROTO);
	return ret;
}

/* after the lock is dropped: a broken queue makes the pgpu lost */
static void gsp_rpc_drained(struct nvvgpu_gsp *gsp, int ret)
{
	if (ret == -EPROTO && !xchg(&gsp->dead, true)) {
		trace_gsp_error(gsp->pgpu->id, -EPROTO, "status queue broken");
		nvvgpu_pgpu_set_lost(gsp->pgpu, "GSP status queue corrupted");
	}
}

/**
 * gsp_rpc_drain() - handle every message waiting in the status queue
 * @gsp: the transport
 */
void gsp_rpc_drain(struct nvvgpu_gsp *gsp)
{
	int ret;

	mutex_lock(&gsp->msgq_lock);
	ret = __gsp_rpc_drain(gsp);
	mutex_unlock(&gsp->msgq_lock);
	gsp_rpc_drained(gsp, ret);
}

void gsp_rpc_recv_work(struct work_struct *work)
{
	struct nvvgpu_gsp *gsp = container_of(work, struct nvvgpu_gsp,
					      recv_work);

	gsp_rpc_drain(gsp);
}

/**
 * gsp_rpc_irq() - SWGEN0 or HALT from the firmware
 * @gsp: the transport
 * @halt: HALT rather than SWGEN0
 *
 * Atomic context. Waiting RPCs drain the queue themselves and only need
 * waking (the transport's one wake-up per reply); otherwise the queue is
 * drained from a work item.
 */
void gsp_rpc_irq(struct nvvgpu_gsp *gsp, bool halt)
{
	bool waiting;

	/* pairs with the barriers in gsp_rpc_add_wait(), gsp_rpc_del_wait() */
	smp_mb();
	waiting = atomic_read(&gsp->nr_waiting);
	if (halt)
		gsp_rpc_kick(gsp);
	else if (waiting)
		gsp_rpc_kick_drainer(gsp);
	else
		schedule_work(&gsp->recv_work);
}

/* register @w before its RPC can be answered; in sending order */
static void gsp_rpc_add_wait(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w)
{
	u32 n;

	w->task = current;
	mutex_lock(&gsp->msgq_lock);
	list_add_tail(&w->link, &gsp->waiters);
	if (w->token)
		gsp->stats.rpcs++;
	/* fully ordered: pairs with the barrier in gsp_rpc_irq() */
	n = atomic_inc_return(&gsp->nr_waiting);
	gsp->stats.max_in_flight = max(gsp->stats.max_in_flight, n);
	mutex_unlock(&gsp->msgq_lock);
}

/* @w is off the list; whatever arrived meanwhile gets drained */
static void gsp_rpc_unwaited(struct nvvgpu_gsp *gsp)
{
	if (!atomic_dec_and_test(&gsp->nr_waiting))
		return;
	/*
	 * Pairs with the barrier in gsp_rpc_irq(): either the interrupt sees
	 * nobody waiting and schedules the drain, or we see what it announced.
	 */
	smp_mb__after_atomic();
	if (gsp_msgq_pending(gsp))
		schedule_work(&gsp->recv_work);
}

/* unregister @w, whose reply may still be on its way */
static void gsp_rpc_del_wait(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w)
{
	mutex_lock(&gsp->msgq_lock);
	list_del(&w->link);
	if (gsp->rx_cont == w)
		gsp->rx_cont = NULL;
	mutex_unlock(&gsp->msgq_lock);
	gsp_rpc_unwaited(gsp);
}

/* drain; true if @w is done, and then no longer registered */
static bool gsp_rpc_drain_done(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w)
{
	bool done;
	int ret;

	mutex_lock(&gsp->msgq_lock);
	ret = __gsp_rpc_drain(gsp);
	done = w->done;
	if (done)
		list_del(&w->link);
	mutex_unlock(&gsp->msgq_lock);
	gsp_rpc_drained(gsp, ret);
	if (done)
		gsp_rpc_unwaited(gsp);
	return done;
}

/*
 * Drain, check and sleep until @w completes, the firmware dies or time is
 * up. On return @w is no longer registered.
 */
static int gsp_rpc_wait(struct nvvgpu_gsp *gsp, struct gsp_rpc_wait *w,
			unsigned int timeout_ms)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
	DEFINE_WAIT(wait);
	int gen, ret;

	for (;;) {
		/* a wake-up after this is not lost: the sleep sees it */
		gen = atomic_read(&gsp->rx_gen);
		if (gsp_rpc_drain_done(gsp, w))
			return w->error;
		if (!gsp_health_check(gsp)) {
			ret = -ENODEV;
			break;
		}
		if (time_after(jiffies, deadline)) {
			dev_err(gsp->dev,
				"%s (%#x, rpc.sequence %u) timed out after %u ms: no reply\n",
				gsp_fwif_function_name(gsp->abi, w->function),
				w->function, w->token, timeout_ms);
			trace_gsp_rpc_timeout(gsp->pgpu->id, w->function,
					      w->token, timeout_ms);
			mutex_lock(&gsp->msgq_lock);
			gsp->stats.timeouts++;
			mutex_unlock(&gsp->msgq_lock);
			ret = -ETIMEDOUT;
			break;
		}
		prepare_to_wait_exclusive(&gsp->rx_wq, &wait,
					  TASK_UNINTERRUPTIBLE);
		if (atomic_read(&gsp->rx_gen) == gen && !READ_ONCE(w->done))
			schedule_timeout(GSP_RPC_POLL);
		finish_wait(&gsp->rx_wq, &wait);
	}
	gsp_rpc_del_wait(gsp, w);
	return ret;
}

static u32 gsp_rpc_next_token(struct nvvgpu_gsp *gsp)
{
	lockdep_assert_held(&gsp->cmdq_lock);

	if (!++gsp->rpc_token)
		++gsp->rpc_token;
	return gsp->rpc_token;
}

/**
 * gsp_rpc_send() - queue an RPC without waiting for its reply
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: payload
 * @req_len: payload bytes
 *
 * The RPC carries token 0: its reply, if the firmware sends one, is
 * unsolicited and dropped.
 *
 * Return: 0 or a negative errno from the queue.
 */
int gsp_rpc_send(struct nvvgpu_gsp *gsp, u32 function, const void *req,
		 u32 req_len)
{
	struct kvec vec = { .iov_base = (void *)req, .iov_len = req_len };

	if (READ_ONCE(gsp->dead))
		return -ENODEV;
	return gsp_msgq_push(gsp, function, 0, &vec, 1, req_len);
}

static size_t gsp_rpc_vec_len(const struct kvec *vec, unsigned int nr)
{
	size_t len = 0;

	while (nr--)
		len += vec[nr].iov_len;
	return len;
}

/**
 * gsp_rpc_callv() - send an RPC and wait for its reply, both in parts
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: the request's payload, part after part (say, the RPC's own fields
 *	and the caller's parameters), gathered straight into the command
 *	queue
 * @req_nr: entries of @req
 * @reply: where the reply's payload goes, part after part, copied there
 *	straight from the status queue
 * @reply_nr: entries of @reply
 *
 * The reply payload must have at least the bytes @reply has room for; more
 * are cut. A request or reply longer than one element goes as
 * continuation records and is put back together here, in place.
 *
 * The reply is copied into @reply as it is received, before it is judged.
 * When the call fails, @reply holds unspecified bytes: nothing new, or
 * part or all of a reply that turned out malformed, short or failed, or of
 * a message that claimed to be the reply and was dropped. A caller must not
 * use them. Only when 0 is returned does @reply hold the reply, every byte
 * of it. @req is read until the request is sent whole, so it may be
 * @reply: a firmware that answers before it has the whole request only
 * garbles the rest of its own request.
 *
 * Return: 0; -EINVAL for a request or reply of 4 GiB or more; -ETIMEDOUT
 * after rpc_timeout_ms; -ENODEV once the firmware is dead; -EBADMSG or
 * -EPROTO for a malformed reply; the errno of a failed rpc_result; -EPROTO
 * for a short reply.
 */
int gsp_rpc_callv(struct nvvgpu_gsp *gsp, u32 function,
		  const struct kvec *req, unsigned int req_nr,
		  const struct kvec *reply, unsigned int reply_nr)
{
	size_t req_len = gsp_rpc_vec_len(req, req_nr);
	size_t reply_len = gsp_rpc_vec_len(reply, reply_nr);
	struct gsp_rpc_wait w = {
		.function = function,
		.vec = reply,
		.nr = reply_nr,
		.buf_len = reply_len,
	};
	bool serial;
	int ret;

	if (req_len > U32_MAX || reply_len > U32_MAX)
		return -EINVAL;
	if (READ_ONCE(gsp->dead))
		return -ENODEV;

	/*
	 * Replies are told apart by token only once the firmware is known to
	 * echo it; until then, and for good if it does not, one RPC at a time,
	 * as CPU-RM does.
	 */
	serial = !gsp_rpc_echoes(gsp);
	if (serial)
		mutex_lock(&gsp->rpc_serial);
	/* registered and sent in one order: replies come back in it */
	mutex_lock(&gsp->cmdq_lock);
	w.token = gsp_rpc_next_token(gsp);
	gsp_rpc_add_wait(gsp, &w);
	ret = gsp_msgq_push_locked(gsp, function, w.token, req, req_nr,
				   req_len);
	mutex_unlock(&gsp->cmdq_lock);
	if (!ret)
		ret = gsp_rpc_wait(gsp, &w, gsp_rpc_timeout_ms);
	else
		gsp_rpc_del_wait(gsp, &w);
	if (serial)
		mutex_unlock(&gsp->rpc_serial);
	if (ret) {
		trace_gsp_error(gsp->pgpu->id, ret,
				gsp_fwif_function_name(gsp->abi, function));
		return ret;
	}

	if (w.result) {
		dev_err(gsp->dev, "%s failed: %s (%#x)\n",
			gsp_fwif_function_name(gsp->abi, function),
			gsp_status_name(w.result), w.result);
		return gsp_status_to_errno(w.result);
	}
	if (w.reply_len < reply_len) {
		dev_err(gsp->dev, "%s reply has %u bytes, expected %zu\n",
			gsp_fwif_function_name(gsp->abi, function),
			w.reply_len, reply_len);
		return -EPROTO;
	}
	trace_gsp_rpc_reply(gsp->pgpu->id, function, w.token, w.result,
			    w.reply_len);
	return 0;
}

/**
 * gsp_rpc_call() - send an RPC and wait for its reply
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: payload
 * @req_len: payload bytes
 * @reply: where the reply payload goes; may be @req
 * @reply_len: bytes the reply payload must have at least; more are cut
 *
 * gsp_rpc_callv() with one buffer each way: @reply holds the reply only
 * when 0 is returned, unspecified bytes otherwise.
 *
 * Return: as gsp_rpc_callv().
 */
int gsp_rpc_call(struct nvvgpu_gsp *gsp, u32 function, const void *req,
		 u32 req_len, void *reply, u32 reply_len)
{
	struct kvec vreq = { .iov_base = (void *)req, .iov_len = req_len };
	struct kvec vreply = { .iov_base = reply, .iov_len = reply_len };

	return gsp_rpc_callv(gsp, function, &vreq, 1, &vreply, 1);
}
EXPORT_SYMBOL_IF_GSP_TEST(gsp_rpc_call);

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

	gsp_rpc_add_wait(gsp, &w);
	ret = gsp_rpc_wait(gsp, &w, timeout_ms);
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
