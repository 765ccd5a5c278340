// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: unsolicited events from GSP-RM.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/device.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "gsp.h"

/**
 * DOC: events
 *
 * Whoever drains the status queue (a waiting RPC, or the SWGEN0 work item)
 * finds events among the replies. It copies each out of the ring into a
 * backlog (at most %GSP_EVENT_BACKLOG; beyond, events are dropped with a
 * log line and counted) and schedules the event work, then goes on
 * draining. The event work hands each event, oldest first, to every
 * handler registered for it, in process context and without any transport
 * lock held, so a handler may sleep and send RPCs (the RC_TRIGGERED
 * handler acknowledges ECC errors with ECC_NOTIFIER_WRITE_ACK, as CPU-RM
 * does). Handlers run under the reset lock for reading: a reset does not
 * run under them. Payloads are validated by the handlers against the
 * sizes of the running release before use.
 */

static void gsp_event_rc_triggered(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
				   const void *payload, u32 len, void *priv)
{
	struct nvgsp_rc_triggered rc;
	int ret;

	if (len < gsp->abi->rc_triggered_min_size) {
		dev_err(gsp->dev, "RC_TRIGGERED payload of %u bytes, expected %u\n",
			len, gsp->abi->rc_triggered_min_size);
		return;
	}
	gsp->abi->rc_triggered_read(payload, &rc);
	dev_warn(gsp->dev,
		 "robust channel recovery: engine %u channel %u error %u scope %u\n",
		 rc.engine_type, rc.chid, rc.except_type, rc.scope);
	/* the error CPU-RM acknowledges with ECC_NOTIFIER_WRITE_ACK */
	if (rc.except_type != gsp->abi->rc_fast_path_error)
		return;
	ret = gsp_rpc_send(gsp, NV_VGPU_MSG_FUNCTION_ECC_NOTIFIER_WRITE_ACK,
			   NULL, 0);
	if (ret)
		dev_err(gsp->dev, "ECC_NOTIFIER_WRITE_ACK not sent: %pe\n", ERR_PTR(ret));
	else
		dev_dbg(gsp->dev, "ECC error acknowledged\n");
}

static void gsp_event_os_error_log(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
				   const void *payload, u32 len, void *priv)
{
	const struct nvgsp_rpc_os_error_log *log = payload;

	if (len < gsp->abi->os_error_log_size) {
		dev_err(gsp->dev, "OS_ERROR_LOG payload of %u bytes, expected %u\n",
			len, gsp->abi->os_error_log_size);
		return;
	}
	/* the string need not be terminated when it fills the array */
	dev_err(gsp->dev, "Xid %u (runlist %u channel %u): %.*s\n",
		log->except_type, log->runlist_id, log->chid,
		(int)strnlen(log->err_string, sizeof(log->err_string)),
		log->err_string);
}

static void gsp_event_init_done(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
				const void *payload, u32 len, void *priv)
{
	dev_warn(gsp->dev, "GSP_INIT_DONE outside boot, ignored\n");
}

static void gsp_event_lockdown(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			       const void *payload, u32 len, void *priv)
{
	dev_info(gsp->dev, "GSP lockdown %s\n",
		 len && *(const u8 *)payload ? "engaging" : "released");
}

/**
 * gsp_event_register() - have a handler called for an event
 * @gsp: the transport
 * @ev: the event
 * @fn: the handler (see &typedef gsp_event_fn)
 * @priv: passed back to @fn
 *
 * Return: 0, or -ENOSPC when %GSP_EVENT_HANDLERS are registered.
 */
int gsp_event_register(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
		       gsp_event_fn fn, void *priv)
{
	int ret = 0;

	mutex_lock(&gsp->handler_lock);
	if (gsp->num_handlers == GSP_EVENT_HANDLERS)
		ret = -ENOSPC;
	else
		gsp->handlers[gsp->num_handlers++] =
			(struct gsp_event_handler){ ev, fn, priv };
	mutex_unlock(&gsp->handler_lock);
	return ret;
}

/**
 * gsp_event_unregister() - stop calling a handler
 * @gsp: the transport
 * @ev: the event it was registered for
 * @fn: the handler
 * @priv: what it was registered with
 *
 * When this returns the handler is not running and will not be called.
 */
void gsp_event_unregister(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			  gsp_event_fn fn, void *priv)
{
	u32 i;

	mutex_lock(&gsp->handler_lock);
	for (i = 0; i < gsp->num_handlers; i++) {
		struct gsp_event_handler *h = &gsp->handlers[i];

		if (h->ev == ev && h->fn == fn && h->priv == priv) {
			*h = gsp->handlers[--gsp->num_handlers];
			break;
		}
	}
	mutex_unlock(&gsp->handler_lock);
}

/* one event to every handler of it */
static void gsp_event_deliver(struct nvvgpu_gsp *gsp,
			      const struct gsp_event_item *item)
{
	bool handled = false;
	u32 i;

	mutex_lock(&gsp->handler_lock);
	for (i = 0; i < gsp->num_handlers; i++) {
		const struct gsp_event_handler *h = &gsp->handlers[i];

		if (h->ev != item->ev)
			continue;
		h->fn(gsp, item->ev, item->data, item->len, h->priv);
		handled = true;
	}
	mutex_unlock(&gsp->handler_lock);
	if (!handled)
		dev_dbg(gsp->dev, "event %s (%u bytes) has no handler\n",
			gsp_fwif_event_name(item->ev), item->len);
}

static struct gsp_event_item *gsp_event_pop(struct nvvgpu_gsp *gsp)
{
	struct gsp_event_item *item;

	spin_lock(&gsp->event_lock);
	item = list_first_entry_or_null(&gsp->event_list,
					struct gsp_event_item, link);
	if (item) {
		list_del(&item->link);
		gsp->event_backlog--;
	}
	spin_unlock(&gsp->event_lock);
	return item;
}

static void gsp_event_work(struct work_struct *work)
{
	struct nvvgpu_gsp *gsp = container_of(work, struct nvvgpu_gsp,
					      event_work);
	struct gsp_event_item *item;

	down_read(&gsp->reset_sem);
	while ((item = gsp_event_pop(gsp))) {
		gsp_event_deliver(gsp, item);
		kfree(item);
	}
	up_read(&gsp->reset_sem);
}

/**
 * gsp_event_dispatch() - queue a received event for its handlers
 * @gsp: the transport
 * @ev: the event
 * @payload: payload after the RPC header, in the receive buffer
 * @len: payload bytes
 *
 * Called while draining, with the receive lock held; process context.
 */
void gsp_event_dispatch(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			const void *payload, u32 len)
{
	struct gsp_event_item *item;
	bool full;

	lockdep_assert_held(&gsp->msgq_lock);

	spin_lock(&gsp->event_lock);
	full = gsp->event_backlog >= GSP_EVENT_BACKLOG;
	if (!full)
		gsp->event_backlog++;
	spin_unlock(&gsp->event_lock);
	if (full)
		goto drop;

	item = kmalloc(struct_size(item, data, len), GFP_KERNEL);
	if (!item) {
		spin_lock(&gsp->event_lock);
		gsp->event_backlog--;
		spin_unlock(&gsp->event_lock);
		goto drop;
	}
	item->ev = ev;
	item->len = len;
	memcpy(item->data, payload, len);
	spin_lock(&gsp->event_lock);
	list_add_tail(&item->link, &gsp->event_list);
	spin_unlock(&gsp->event_lock);
	schedule_work(&gsp->event_work);
	return;

drop:
	gsp->stats.events_dropped++;
	dev_warn_ratelimited(gsp->dev, "event %s dropped: %u events wait for their handlers\n",
			     gsp_fwif_event_name(ev), GSP_EVENT_BACKLOG);
}

/**
 * gsp_event_init() - set up event dispatch and the transport's own handlers
 * @gsp: the transport
 *
 * Return: 0 or -ENOSPC.
 */
int gsp_event_init(struct nvvgpu_gsp *gsp)
{
	spin_lock_init(&gsp->event_lock);
	INIT_LIST_HEAD(&gsp->event_list);
	INIT_WORK(&gsp->event_work, gsp_event_work);
	mutex_init(&gsp->handler_lock);

	return gsp_event_register(gsp, NVGSP_EVENT_RC_TRIGGERED,
				  gsp_event_rc_triggered, NULL) ?:
	       gsp_event_register(gsp, NVGSP_EVENT_OS_ERROR_LOG,
				  gsp_event_os_error_log, NULL) ?:
	       gsp_event_register(gsp, NVGSP_EVENT_GSP_INIT_DONE,
				  gsp_event_init_done, NULL) ?:
	       gsp_event_register(gsp, NVGSP_EVENT_GSP_LOCKDOWN_NOTICE,
				  gsp_event_lockdown, NULL);
}

/**
 * gsp_event_fini() - stop event dispatch, drop what was not handled
 * @gsp: the transport, no longer draining its queue
 */
void gsp_event_fini(struct nvvgpu_gsp *gsp)
{
	struct gsp_event_item *item;

	cancel_work_sync(&gsp->event_work);
	while ((item = gsp_event_pop(gsp)))
		kfree(item);
	mutex_destroy(&gsp->handler_lock);
}
