/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_gsp: data types of the GSP-RM transport.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_GSP_TYPES_H__
#define __NVVGPU_GSP_TYPES_H__

#include <linux/completion.h>
#include <linux/idr.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/uio.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/gsp_static_info.h>
#include <nvvgpu/abi/msgq.h>

struct dentry;
struct device;
struct task_struct;
struct nvvgpu_pgpu;

/**
 * struct gsp_mem - a buffer from the backend's dma_alloc
 * @vaddr: kernel address, NULL when not allocated
 * @addr: bus address given to the firmware
 * @size: bytes
 */
struct gsp_mem {
	void *vaddr;
	dma_addr_t addr;
	size_t size;
};

#define GSP_LOG_REGIONS		4

/**
 * struct gsp_rpc_wait - a synchronous RPC (or an event) waited for
 * @link: entry in &nvvgpu_gsp.waiters, in the order the RPCs were sent
 * @function: rpc.function (or event number) that completes it
 * @token: rpc.sequence of the request, never 0; 0 when waiting for an event
 * @vec: where the reply payload goes, part after part; NULL if nowhere
 * @nr: entries of @vec
 * @buf_len: room in @vec, which is also the payload size expected
 * @task: the waiting task, woken when its wait ends
 * @reply_len: payload bytes the reply carried, over all its elements
 * @result: rpc.rpc_result of the reply
 * @error: transport error that ended the wait (malformed or broken reply)
 * @reasm: progress of a reply split into continuation records (its bytes
 *	go straight from the ring into @vec, see gsp_msgq_recv_payload())
 * @done: the reply arrived or @error is set
 *
 * @function to @task are set before the wait is registered; the rest, and
 * the memory @vec points to while the wait is registered, belong to
 * &nvvgpu_gsp.msgq_lock (@done is also read without it, before the waiter
 * sleeps).
 */
struct gsp_rpc_wait {
	struct list_head link;
	u32 function;
	u32 token;
	const struct kvec *vec;
	unsigned int nr;
	u32 buf_len;
	struct task_struct *task;
	u32 reply_len;
	u32 result;
	int error;
	struct nvgsp_reasm reasm;
	bool done;
};

/**
 * struct gsp_msg_rx - a status message framed and not yet taken
 * @hdr: private copy of its element and RPC headers, frame and length
 *	checked (gsp_msgq_recv_head())
 * @slot: its first slot in the status queue
 */
struct gsp_msg_rx {
	struct nvgsp_msg_element hdr;
	u32 slot;
};

/**
 * struct gsp_msg_dst - where the payload of a received message goes
 * @vec: buffers filled one after the other; NULL (with @nr 0) if nowhere
 * @nr: entries of @vec
 * @skip: bytes of @vec before the first one to fill (the part of a split
 *	reply received before this element)
 * @one: storage for a @vec of one buffer
 *
 * Bytes of the payload beyond the room of @vec are checksummed, not stored.
 */
struct gsp_msg_dst {
	const struct kvec *vec;
	unsigned int nr;
	size_t skip;
	struct kvec one;
};

/**
 * struct gsp_msg_drop - a status message the receiver dropped
 * @err: -EBADMSG (checksum) or -EPROTO (anything else)
 * @reason: what was wrong
 * @function: rpc.function as received (not trustworthy)
 * @token: rpc.sequence as received (not trustworthy)
 * @full: the message filled its element, so continuation records of it
 *	may follow
 */
struct gsp_msg_drop {
	int err;
	const char *reason;
	u32 function;
	u32 token;
	bool full;
};

/**
 * enum gsp_echo - does the firmware echo rpc.sequence in its replies?
 * @GSP_ECHO_UNKNOWN: no reply to a synchronous RPC seen since boot
 * @GSP_ECHO_YES: it does; replies are matched by function and token
 * @GSP_ECHO_NO: it keeps 0; replies are matched by function only
 */
enum gsp_echo {
	GSP_ECHO_UNKNOWN,
	GSP_ECHO_YES,
	GSP_ECHO_NO,
};

struct nvvgpu_gsp;

/**
 * typedef gsp_event_fn - handler of an event from GSP-RM
 * @gsp: the transport
 * @ev: the event
 * @payload: its payload, validated by the handler against the release
 * @len: payload bytes
 * @priv: what the handler was registered with
 *
 * Runs from a work item, in process context, with no transport lock held:
 * it may sleep and send RPCs.
 */
typedef void (*gsp_event_fn)(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			     const void *payload, u32 len, void *priv);

/**
 * struct gsp_event_handler - a registered event handler
 * @ev: the event it handles
 * @fn: the handler
 * @priv: passed back to @fn
 */
struct gsp_event_handler {
	enum nvgsp_event ev;
	gsp_event_fn fn;
	void *priv;
};

#define GSP_EVENT_HANDLERS	16
/* events queued for the handlers; beyond, new ones are dropped */
#define GSP_EVENT_BACKLOG	256

/**
 * struct gsp_event_item - an event waiting for its handlers
 * @link: entry in &nvvgpu_gsp.event_list
 * @ev: the event
 * @len: payload bytes
 * @data: the payload, copied out of the queue
 */
struct gsp_event_item {
	struct list_head link;
	enum nvgsp_event ev;
	u32 len;
	u8 data[];
};

/**
 * struct gsp_stats - what the transport counted since attach (debugfs)
 * @rpcs: synchronous RPCs sent
 * @max_in_flight: most RPCs (and event waits) waited for at once
 * @timeouts: RPCs that timed out
 * @failed: RPCs that failed early on a malformed reply
 * @dropped: status messages dropped as malformed
 * @stale: late replies dropped by token
 * @unsolicited: replies to no request dropped
 * @resyncs: gaps in the status-queue sequence numbers
 * @events: events received
 * @events_dropped: events dropped because the backlog was full
 * @resets: resets done
 * @reset_failures: resets that failed
 */
struct gsp_stats {
	u64 rpcs;
	u32 max_in_flight;
	u64 timeouts;
	u64 failed;
	u64 dropped;
	u64 stale;
	u64 unsolicited;
	u64 resyncs;
	u64 events;
	u64 events_dropped;
	u64 resets;
	u64 reset_failures;
};

/**
 * DOC: lock order
 *
 * The transport's locks, outermost first. A lock is taken only with locks
 * above it held (or none), never with one below it::
 *
 *   (core: the pgpu lock)   held by the core around every op but irq, and
 *                           taken by gsp_reset() (nvvgpu_pgpu_lock_sysfs())
 *     gsp_test_lock         the live test module's hooks (test builds only)
 *     reset_sem             read: the core's ops, the event work, the test
 *                           module's files; write: gsp_reset()
 *       handler_lock        the event handlers, while they run
 *         rm_lock           a large RM control's staging buffer
 *           rpc_serial      one RPC at a time, until tokens are echoed
 *             cmdq_lock     the senders; the RPC token
 *               msgq_lock   the receivers: waiters, sequence, counters
 *                 event_lock  spinlock: the event backlog
 *
 *   (core: the pgpu irq_lock)  spinlock, interrupts off, around gsp_irq(),
 *                              which takes none of the above: it acks the
 *                              interrupt, wakes the waiters or queues a
 *                              work item
 *
 * Work items and who waits for them:
 *
 * - recv_work drains the status queue under msgq_lock (events are queued
 *   under event_lock); fatal_work reads the fatal report and marks the
 *   pgpu lost, which takes no lock. gsp_reset() cancels both with
 *   reset_sem held for writing, which is safe because neither takes a
 *   lock above msgq_lock.
 * - event_work runs the handlers under reset_sem (read) and handler_lock,
 *   so nothing waits for it with either held: a reset does not flush it
 *   (the handlers wait for the reset instead), and detach cancels it
 *   holding no transport lock.
 * - A waiter of gsp_rpc_call() sleeps holding only what its caller holds
 *   (at most the pgpu lock, reset_sem, handler_lock, rm_lock, rpc_serial),
 *   never cmdq_lock or msgq_lock; its wait is bounded by rpc_timeout_ms.
 *
 * Nothing in the transport uses a trylock. gsp_reset() needs the pgpu lock
 * above reset_sem, in the order of the core's ops, but runs in a debugfs
 * handler whose file a detach removes with that lock held; it takes the
 * lock with nvvgpu_pgpu_lock_sysfs(), which backs off by restarting the
 * write from the top rather than waiting (see DOC: lock order in
 * core/core_priv.h).
 */

/**
 * struct nvvgpu_gsp - the transport's state for one pgpu
 * @pgpu: the physical GPU
 * @dev: its device, for logs
 * @abi: the firmware release's ABI
 * @shared: queue block (PTE page, cmdq, statq)
 * @rmargs: GSP_ARGUMENTS_CACHED page
 * @libos: LibOS region array page
 * @logs: LibOS log buffers
 * @cmdq_tx: our cmdq producer header
 * @cmdq_rx: our statq read pointer (cmdq header page, swap-rx)
 * @cmdq_slots: cmdq slot 0
 * @statq_tx: the firmware's statq producer header
 * @statq_rx: the firmware's cmdq read pointer
 * @statq_slots: statq slot 0
 * @reset_sem: users of the transport (the core's ops, the event work, the
 *	test module's files) hold it for reading; a reset holds it for
 *	writing, so it never runs under them (DOC: lock order)
 * @cmdq_lock: serialises senders and the slots they fill; protects
 *	@cmdq_seq
 * @cmdq_seq: seqNum of our next command
 * @msgq_lock: serialises receivers; protects @msgq_seq, @msgq_buf,
 *	@msgq_broken, @orphan_cont, @echo, @waiters, @rx_cont and @stats (the
 *	reset counters: @reset_sem held for writing); taken inside @cmdq_lock
 * @msgq_seq: seqNum the next status message must carry
 * @msgq_buf: where the payload of an event goes on its way to the handlers
 *	(64 KiB; a reply's goes straight to its waiter)
 * @msgq_broken: the status queue lost its framing and cannot be parsed
 * @orphan_cont: continuation records of a dropped message may follow
 * @echo: whether the firmware echoes rpc.sequence
 * @waiters: the synchronous RPCs and events waited for, oldest first;
 *	several RPCs may be in flight, each matched to its reply by token
 * @rx_cont: the waiter whose reply continuation records are completing
 * @rpc_serial: one RPC at a time while replies cannot be told apart by
 *	token (the firmware not seen echoing rpc.sequence)
 * @rpc_token: rpc.sequence of the last synchronous RPC (@cmdq_lock)
 * @nr_waiting: entries in @waiters; while there are any, the waiters drain
 *	the status queue themselves and SWGEN0 only needs to wake them
 * @rx_gen: counts wake-ups of the waiters (SWGEN0, HALT, a reset); a
 *	waiter sleeps until it moves or its own wait ends
 * @rx_wq: where the waiters sleep, exclusively: SWGEN0 wakes one to drain
 * @recv_work: drains the status queue after SWGEN0 when no RPC waits
 * @fatal_work: reports a firmware halt
 * @dead: the firmware halted, the queue broke, or a reset is under way;
 *	RPCs fail with -ENODEV
 * @resetting: a reset is tearing the queues down; receivers keep off
 * @booted: GSP_INIT_DONE arrived
 * @internal: GSP-RM's internal client/device/subdevice handles
 * @client_ida: allocator of our RM client handles
 * @h_client: our RM client, 0 when not allocated
 * @has_device: our device object exists
 * @has_subdevice: our subdevice object exists
 * @handle_ida: allocator of handles for further objects of our client
 * @h_internal_dup: our duplicate of GSP-RM's internal subdevice, 0 if none
 * @event_lock: protects @event_list and @event_backlog; taken with
 *	@msgq_lock held
 * @event_list: events received and not yet handled, oldest first
 * @event_backlog: entries in @event_list
 * @event_work: hands @event_list to the handlers
 * @handler_lock: protects @handlers and @num_handlers
 * @handlers: the registered handlers
 * @num_handlers: entries in @handlers
 * @stats: counters for debugfs
 * @debugfs: the pgpu's gsp/ debugfs directory
 * @test_link: entry in the list of attached transports of the live test
 *	module's hooks (only with CONFIG_NVVGPU_GSP_TEST, gsp_test_hooks.c)
 */
struct nvvgpu_gsp {
	struct nvvgpu_pgpu *pgpu;
	struct device *dev;
	const struct nvgsp_fw_abi *abi;

	struct gsp_mem shared;
	struct gsp_mem rmargs;
	struct gsp_mem libos;
	struct gsp_mem logs[GSP_LOG_REGIONS];

	struct nvgsp_msgq_tx_header *cmdq_tx;
	struct nvgsp_msgq_rx_header *cmdq_rx;
	void *cmdq_slots;
	struct nvgsp_msgq_tx_header *statq_tx;
	struct nvgsp_msgq_rx_header *statq_rx;
	void *statq_slots;

	struct rw_semaphore reset_sem; /* see @reset_sem above */

	struct mutex cmdq_lock; /* see @cmdq_lock above */
	u32 cmdq_seq;

	struct mutex msgq_lock; /* see @msgq_lock above */
	u32 msgq_seq;
	void *msgq_buf;
	bool msgq_broken;
	bool orphan_cont;
	enum gsp_echo echo;
	struct list_head waiters;
	struct gsp_rpc_wait *rx_cont;
	struct mutex rpc_serial; /* see @rpc_serial above */
	u32 rpc_token;
	atomic_t nr_waiting;
	atomic_t rx_gen;
	wait_queue_head_t rx_wq;
	struct work_struct recv_work;
	struct work_struct fatal_work;
	bool dead;
	bool resetting;
	bool booted;

	struct nvgsp_internal_handles internal;
	struct ida client_ida;
	u32 h_client;
	bool has_device;
	bool has_subdevice;
	struct ida handle_ida;
	u32 h_internal_dup;

	spinlock_t event_lock; /* see @event_lock above */
	struct list_head event_list;
	u32 event_backlog;
	struct work_struct event_work;
	struct mutex handler_lock; /* see @handler_lock above */
	struct gsp_event_handler handlers[GSP_EVENT_HANDLERS];
	u32 num_handlers;

	struct gsp_stats stats;
	struct dentry *debugfs;
#ifdef NVVGPU_GSP_TEST_HOOKS
	struct list_head test_link;
#endif
};

#endif /* __NVVGPU_GSP_TYPES_H__ */
