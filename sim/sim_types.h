/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sim: data types of the simulated GPU and its GSP firmware emulator.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SIM_TYPES_H__
#define __NVVGPU_SIM_TYPES_H__

#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <linux/sizes.h>
#include <linux/wait.h>
#include <linux/xarray.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/compat.h>
#include <nvvgpu/core_types.h>

#include "sim_pushbuf.h"

struct dentry;
struct platform_device;
struct sim_gpu;
struct task_struct;

/* simulated board constants */
#define SIM_NUM_CHANNELS	2048
#define SIM_NUM_VGPU_CHANNELS	1536
#define SIM_VMMU_SEGMENT_SIZE	SZ_32M
/*
 * The board: an NVIDIA L40S (Ada AD102, 48 GB), with the PCI IDs NVIDIA's
 * open-gpu-kernel-modules README lists for it (10de:26b9, subsystem
 * 10de:1851). Its vGPU type catalogue is SIM_TYPES_FILE under
 * /lib/firmware (or firmware_class.path), written by
 * tools/nvvgpu-vgpu-types from tools/nvvgpu-vgpu-types/l40s.table.
 */
#define SIM_BOARD_NAME		"NVIDIA L40S"
#define SIM_PCI_VENDOR_ID	0x10de
#define SIM_PCI_DEVICE_ID	0x26b9
#define SIM_PCI_SUBSYSTEM_ID	0x1851
#define SIM_PCI_REVISION	0xa1
#define SIM_FB_DEFAULT_MB	49152
#define SIM_TYPES_FILE		"nvidia/nvvgpu/vgpu-l40s.bin"
/*
 * Where GPU n's BARs would sit and which PCI address it would have: bus
 * 0x41 + n, as on a two-socket server; BAR0 16 MiB, BAR1 64 GiB (resizable
 * BAR), BAR3 32 MiB. The emulator checks GspSystemInfo against these.
 */
#define SIM_PCI_BUS(n)		(0x41 + (n))
#define SIM_BAR0_ADDR(n)	(0xf0000000ULL - (u64)(n) * SZ_64M)
#define SIM_BAR1_ADDR(n)	(0x38000000000ULL + (u64)(n) * SZ_64G)
#define SIM_BAR3_ADDR(n)	(0xf2000000ULL - (u64)(n) * SZ_64M)
/* BAR0 window that mirrors PCI config space (NV_PCFG) */
#define SIM_PCI_CONFIG_MIRROR_BASE	0x088000
#define SIM_PCI_CONFIG_MIRROR_SIZE	0x001000
#define SIM_MAX_GFID		NVA081_MAX_VGPU_PER_PGPU
#define SIM_RM_MAX_CLIENTS	64
#define SIM_RM_MAX_OBJECTS	256
/* channel IDs from here up are the host's, as nvkm keeps 512 for itself */
#define SIM_HOST_CHID_BASE	(SIM_NUM_CHANNELS - 512)
#define SIM_NUM_ENGINES		3
#define SIM_MAX_GPFIFO_ENTRIES	32768
/* functions: the host (0) and every GFID */
#define SIM_NUM_FUNCTIONS	(SIM_MAX_GFID + 1)
/* fault/ecc_page: the granule of an ECC error, and how many pages retire */
#define SIM_ECC_PAGE_SIZE	SZ_4K
#define SIM_MAX_ECC_PAGES	64

/**
 * struct sim_mem_region - memory handed out through dma_alloc
 * @link: entry in &sim_gpu.mem_regions
 * @bus: fake bus address the firmware is given
 * @size: bytes the host asked for
 * @vaddr: kernel address of the backing memory
 */
struct sim_mem_region {
	struct list_head link;
	u64 bus;
	size_t size;
	void *vaddr;
};

/**
 * enum sim_gsp_state - life of the emulated GSP core
 * @SIM_GSP_OFF: not started (reset); CPUCTL reads HALTED
 * @SIM_GSP_RUNNING: queues linked, serving RPCs
 * @SIM_GSP_SUSPENDED: unloaded after UNLOADING_GUEST_DRIVER
 * @SIM_GSP_DEAD: crashed; a fatal report is in NV_PGSP_MAILBOX(0)
 */
enum sim_gsp_state {
	SIM_GSP_OFF,
	SIM_GSP_RUNNING,
	SIM_GSP_SUSPENDED,
	SIM_GSP_DEAD,
};

/* emulator-defined reasons in the fatal report's REASON field */
enum sim_gsp_fatal {
	SIM_GSP_FATAL_BOOT = 1,		/* boot arguments unusable */
	SIM_GSP_FATAL_QUEUE = 2,	/* command queue protocol violation */
	SIM_GSP_FATAL_INJECTED = 3,	/* debugfs "crash" */
	SIM_GSP_FATAL_NOMEM = 4,	/* emulator ran out of memory */
};

/**
 * struct sim_fault - fault injection knobs (debugfs fault/)
 * @drop_replies: drop this many next status-queue messages
 * @corrupt_checksum: send this many next messages with a bad checksum
 * @skip_seq: send this many next messages with a skipped sequence number
 * @replay_seq: send this many next messages with the previous message's
 *	sequence number
 * @bad_token: send this many next replies with an rpc.sequence that is not
 *	the request's
 * @oversize_len: send this many next messages with rpc.length beyond the
 *	largest element (framing intact)
 * @undersize_len: ... with rpc.length smaller than the RPC header
 * @negative_len: ... with rpc.length negative as a signed number
 * @bad_signature: ... with a wrong RPC signature
 * @bad_header_version: ... with an unknown RPC header version
 * @bad_elem_count: ... with element count 0, which loses the framing
 * @delay_ms: hold every status-queue message back this long
 * @hang: stop consuming the command queue while set
 * @lost_interrupt: drop this many next interrupt messages of the functions
 *	(a VF's NVVGPU_EVENT_INTERRUPT, the host's NVVGPU_EVENT_CHANNEL_DONE);
 *	atomic, since the engines raise interrupts without &sim_gsp.lock
 *
 * The other counts are read and decremented by the emulator under
 * &sim_gsp.lock as it writes status messages; a racing debugfs write only
 * moves a fault by one message.
 */
struct sim_fault {
	u32 drop_replies;
	u32 corrupt_checksum;
	u32 skip_seq;
	u32 replay_seq;
	u32 bad_token;
	u32 oversize_len;
	u32 undersize_len;
	u32 negative_len;
	u32 bad_signature;
	u32 bad_header_version;
	u32 bad_elem_count;
	u32 delay_ms;
	bool hang;
	atomic_t lost_interrupt;
};

/**
 * struct sim_rm_object - an RM object in the emulator's handle tree
 * @handle: handle, unique within the client
 * @parent: parent object, NULL for the client object
 * @h_class: class number
 * @children: objects whose @parent this is
 * @sibling: entry in the parent's @children
 * @vas: FERMI_VASPACE_A: the window of FB it maps
 * @vas.base: vaBase
 * @vas.limit: vaSize, one past its highest address
 * @vas.users: channels allocated in it; it cannot be freed before them
 * @chan: AMPERE_CHANNEL_GPFIFO_A: its VA space object
 *
 * The sim's VA space maps GPU virtual addresses [vaBase, vaSize) one to
 * one onto the same framebuffer offsets: there are no page tables, but a
 * host channel can reach only its window.
 */
struct sim_rm_object {
	u32 handle;
	struct sim_rm_object *parent;
	u32 h_class;
	struct list_head children;
	struct list_head sibling;
	union {
		struct {
			u64 base;
			u64 limit;
			u32 users;
		} vas;
		struct sim_rm_object *chan;
	};
};

/**
 * struct sim_rm_client - an RM client
 * @obj: the client object (handle = client handle, class NV01_ROOT)
 * @objects: every object of the client by handle, the client included
 * @num_objects: entries in @objects
 * @internal: GSP-RM's own client; only it may send vGPU-manager controls
 */
struct sim_rm_client {
	struct sim_rm_object obj;
	struct xarray objects;
	u32 num_objects;
	bool internal;
};

/**
 * enum sim_vgpu_state - state of a GFID's plugin task
 * @SIM_VGPU_FREE: nothing bootloaded
 * @SIM_VGPU_BOOTED: plugin task running
 * @SIM_VGPU_SHUTDOWN: task stopped, resources held until cleanup
 */
enum sim_vgpu_state {
	SIM_VGPU_FREE,
	SIM_VGPU_BOOTED,
	SIM_VGPU_SHUTDOWN,
};

/**
 * struct sim_vgpu - firmware-side record of one GFID
 * @state: plugin task state
 * @type: index into &sim_gpu.types
 * @fb_base: guest FB start (single segment, emulator simplification)
 * @fb_size: guest FB bytes (sum of segments)
 * @num_segments: segments the host gave
 * @heap_base: plugin heap start
 * @heap_size: plugin heap bytes
 * @chid_base: first channel ID
 * @num_channels: channel IDs
 * @segs: the guest FB segments, [i][0] address, [i][1] length
 */
struct sim_vgpu {
	enum sim_vgpu_state state;
	u32 type;
	u64 fb_base;
	u64 fb_size;
	u32 num_segments;
	u64 heap_base;
	u64 heap_size;
	u32 chid_base;
	u32 num_channels;
	u64 (*segs)[2];
};

/**
 * struct sim_vf - the registers of one function's own BAR0 (sim_vf.c)
 * @lock: protects every other member but @sim, @gfid and @rpc_work;
 *	innermost: taken under &sim_gsp.lock and the engines' and channel
 *	table's locks, in any context
 * @sim: the GPU
 * @gfid: the function; 0 is the host, whose entry only counts events
 * @leaf: CPU_INTR_LEAF(0), pending NVVGPU_SIM_VF_INTR_* bits
 * @leaf_en: CPU_INTR_LEAF_EN(0), enabled bits
 * @top_en: CPU_INTR_TOP_EN(0), bit 0
 * @scratch: MAILBOX_SCRATCH(0..2)
 * @fault_addr: MMU_FAULT_ADDR_HI:LO, function-relative
 * @fault_info: MMU_FAULT_INFO, the faulting channel
 * @fault_status: MMU_FAULT_STATUS, bit 0 valid
 * @rpc_pending: a PRIV_DOORBELL write waits for @rpc_work
 * @rpc_addr: message address taken from SCRATCH(0)/(1) at the doorbell
 * @rpc_seq: sequence number written to the doorbell
 * @rpc_work: serves the mailbox on &sim_gpu.wq
 * @irq_sent: interrupt messages reported
 * @irq_dropped: interrupt messages dropped by the lost_interrupt fault
 * @rpc_served: mailbox RPCs executed (whatever their RM status)
 * @rpc_refused: mailbox RPCs refused (malformed, unknown, unreachable)
 * @rpc_last_result: rpc_result of the last RPC
 */
struct sim_vf {
	spinlock_t lock; /* see @lock above */
	struct sim_gpu *sim;
	u32 gfid;
	u32 leaf;
	u32 leaf_en;
	u32 top_en;
	u32 scratch[3];
	u64 fault_addr;
	u32 fault_info;
	u32 fault_status;
	bool rpc_pending;
	u64 rpc_addr;
	u32 rpc_seq;
	struct work_struct rpc_work;
	u64 irq_sent;
	u64 irq_dropped;
	u64 rpc_served;
	u64 rpc_refused;
	u32 rpc_last_result;
};

/**
 * struct sim_space - a function's address space (sim_space.c)
 * @gfid: 0 for the host, else the vGPU's GFID
 * @num_segs: entries in @segs
 * @base: lowest valid address; 0 but for a host channel's VA space, whose
 *	addresses below its vaBase are not mapped
 * @size: one past the highest valid address: the sum of the segments, or a
 *	host VA space's vaSize
 * @segs: physical FB [i][0] offset and [i][1] length of each piece, in
 *	the order the function's addresses run through them
 */
struct sim_space {
	u32 gfid;
	u32 num_segs;
	u64 base;
	u64 size;
	u64 (*segs)[2];
};

/**
 * struct sim_channel - a channel (sim_channel.c)
 * @chid: channel ID, also its work-submit token
 * @gfid: owning function, 0 for the host
 * @handle: the handle its creator gave it
 * @engine: index of its engine in &sim_engines.eng
 * @gpfifo: address of the GPFIFO ring in the function's space
 * @entries: ring entries (power of two)
 * @userd: address of its USERD page
 * @gp_get: next entry to fetch
 * @in_entry: a segment is being executed (@pb holds its position)
 * @pending: a doorbell was rung since the engine last found it idle
 *	(engine lock)
 * @error: put in error; it never runs again (engine lock)
 * @dying: being freed; the engine no longer picks it (engine lock)
 * @space: the function's address space
 * @pb: executor state, saved across switches
 * @link: entry in its engine's channel list (engine lock)
 * @preempt_since: when the engine first asked it to yield, 0 if not asked
 * @entries_done: GPFIFO entries completed
 */
struct sim_channel {
	u32 chid;
	u32 gfid;
	u32 handle;
	u32 engine;
	u64 gpfifo;
	u32 entries;
	u64 userd;
	u32 gp_get;
	bool in_entry;
	bool pending;
	bool error;
	bool dying;
	struct sim_space space;
	struct sim_pb_state pb;
	struct list_head link;
	ktime_t preempt_since;
	u64 entries_done;
};

/**
 * struct sim_engine_stats - what an engine did for one function
 * @busy_ns: time the engine spent executing its channels
 * @entries: GPFIFO entries completed
 * @errors: channels put in error
 * @preemptions: times its channel was switched away mid-entry
 * @preempt_ns: time from the owner changing to its channel yielding
 * @ctxsw_ns: time spent saving the previous function's context and
 *	restoring this one's, before running it
 *
 * Written by the engine's thread under &sim_engine.stats_lock (with bottom
 * halves off: the scheduler reads them from its timer).
 */
struct sim_engine_stats {
	u64 busy_ns;
	u64 entries;
	u64 errors;
	u64 preemptions;
	u64 preempt_ns;
	u64 ctxsw_ns;
};

/**
 * struct sim_engine - one engine (sim_engine.c)
 * @sim: its GPU
 * @index: 0 GR0, 1 CE0, 2 CE1
 * @type: NV2080_ENGINE_TYPE_*
 * @class: the class it executes
 * @name: for logs
 * @thread: the kthread that runs it
 * @lock: protects @channels, @running and the channels' flags
 * @wq: the thread waits here for work; freeing waits here for @running
 * @channels: channels bound to it, in round-robin order
 * @running: the channel being executed, NULL between channels
 * @hang: fault injection: stop making progress
 * @stats_lock: protects @stats, @run_gfid and @run_start
 * @run_gfid: the function whose channel is being executed
 * @run_start: since when (ns), 0 between channels
 * @last_gfid: the function whose context the engine holds, for the
 *	context-switch cost (U32_MAX: none yet)
 * @stats: per function
 */
struct sim_engine {
	struct sim_gpu *sim;
	u32 index;
	u32 type;
	u32 class;
	const char *name;
	struct task_struct *thread;
	spinlock_t lock; /* see @lock above */
	wait_queue_head_t wq;
	struct list_head channels;
	struct sim_channel *running;
	bool hang;
	spinlock_t stats_lock; /* see @stats_lock above */
	u32 run_gfid;
	u64 run_start;
	u32 last_gfid;
	struct sim_engine_stats stats[SIM_NUM_FUNCTIONS];
};

/**
 * struct sim_ecc_page - an FB page with an uncorrectable ECC error
 * @addr: its FB offset, SIM_ECC_PAGE_SIZE aligned
 * @retired: an engine access hit it; every later one faults as well
 * @gfid: the function whose channel hit it first
 * @chid: that channel
 * @hits: engine accesses that faulted on it
 */
struct sim_ecc_page {
	u64 addr;
	bool retired;
	u32 gfid;
	u32 chid;
	u64 hits;
};

/**
 * struct sim_engines - the engines and the channel table of a GPU
 * @eng: the engines
 * @owner: the function whose channels run beside the host's, or
 *	%NVVGPU_OWNER_ALL (READ_ONCE/WRITE_ONCE: set from softirq)
 * @table_lock: serialises channel creation and removal
 * @chan_lock: protects @chans for the doorbell, which may not sleep
 * @chans: channels by ID
 * @owner_since: when @owner last changed (ns)
 * @preempt_timeout_ms: a channel that has not yielded this long after
 *	being asked is reset, unless its function has its own
 * @preempt_timeout_us: per function, its own preemption timeout (0: the
 *	default), set through the backend's set_preempt_timeout op
 * @ctxsw_us: the modelled cost of a context switch between functions
 * @work_lock: serialises the work reports, so that they arrive in order
 * @work_mask: functions with work queued, as last reported (atomic bits:
 *	has_work reads them without a lock)
 * @bad_doorbells: doorbells naming no channel of the ringing function
 * @mmu_fault_chid: fault injection: the next access of this channel
 *	faults (U32_MAX: none)
 * @ecc_lock: protects @ecc and @num_ecc (read without it: no page yet)
 * @num_ecc: entries of @ecc in use
 * @ecc: fault injection: pages with an uncorrectable ECC error, pending
 *	or retired
 */
struct sim_engines {
	struct sim_engine eng[SIM_NUM_ENGINES];
	u32 owner;
	u64 owner_since;
	struct mutex table_lock; /* see @table_lock above */
	spinlock_t chan_lock; /* see @chan_lock above */
	struct sim_channel *chans[SIM_NUM_CHANNELS];
	u32 preempt_timeout_ms;
	u32 preempt_timeout_us[SIM_NUM_FUNCTIONS];
	u32 ctxsw_us;
	spinlock_t work_lock; /* see @work_lock above */
	DECLARE_BITMAP(work_mask, SIM_NUM_FUNCTIONS);
	u64 bad_doorbells;
	u32 mmu_fault_chid;
	spinlock_t ecc_lock; /* see @ecc_lock above */
	u32 num_ecc;
	struct sim_ecc_page ecc[SIM_MAX_ECC_PAGES];
};

/* the emulated firmware's OBJSCHED capabilities and defaults */
#define SIM_OBJSCHED_SLICE_MIN_NS	100000
#define SIM_OBJSCHED_SLICE_MAX_NS	100000000
#define SIM_OBJSCHED_SLICE_DEFAULT_NS	2000000
#define SIM_OBJSCHED_FREQ_MIN		10
#define SIM_OBJSCHED_FREQ_MAX		10000
#define SIM_OBJSCHED_FREQ_DEFAULT	500
#define SIM_OBJSCHED_AVG_MIN		1
#define SIM_OBJSCHED_AVG_MAX		60
#define SIM_OBJSCHED_AVG_DEFAULT	33
/* swrlId of a fixed-share slot that no vGPU holds: the engines idle */
#define SIM_OBJSCHED_SWRL_VACANT	NVVGPU_OBJSCHED_SWRL_IDLE

/**
 * struct sim_objsched_swrl - the emulated firmware's view of one software
 *	runlist: a function (the PF's own channels or a vGPU), or the vacant
 *	fixed-share slots
 * @booted: a vGPU's plugin task runs (always true for the PF)
 * @max_instances: its type's instances per GPU (fixed share's round)
 * @origin_busy: per engine, the engine's busy time for the function when
 *	its plugin task was bootloaded
 * @origin_preempt: per engine, its preemption time then
 * @at_in: per engine, its busy time when its slice began
 * @slices: slices given since bootload
 * @held_ns: time it held the GPU
 * @idle_ns: of which it had no work
 * @preemptions: slices that ended while it still had work
 * @wait_ns: time it had work while another held the GPU
 * @wait_since: when it last began waiting, 0 if it is not
 * @arr_avg_ns: adaptive round robin's running average of its use
 */
struct sim_objsched_swrl {
	bool booted;
	u32 max_instances;
	u64 origin_busy[SIM_NUM_ENGINES];
	u64 origin_preempt[SIM_NUM_ENGINES];
	u64 at_in[SIM_NUM_ENGINES];
	u64 slices;
	u64 held_ns;
	u64 idle_ns;
	u64 preemptions;
	u64 wait_ns;
	u64 wait_since;
	u64 arr_avg_ns;
};

/**
 * struct sim_objsched_log - one engine's SW runlist log, a ring
 * @head: the next entry to write
 * @count: entries written, saturating at the ring's size
 * @last_ns: the newest entry's timestamp: entries' timestamps increase
 * @e: the entries, in NVIDIA's layout
 */
struct sim_objsched_log {
	u32 head;
	u32 count;
	u64 last_ns;
	struct nv2080_ctrl_fifo_objsched_sw_log_entry
		e[NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_ENTRIES];
};

/**
 * struct sim_objsched - the emulated firmware's vGPU scheduler (OBJSCHED,
 *	sim_objsched.c)
 * @lock: protects everything below; taken in the slice timer's softirq,
 *	under &sim_engines.work_lock, under the host scheduler's run-queue
 *	lock (the backend's set_owner) and under &sim_gsp.lock; innermost but
 *	for the engines' stats locks and wait queues
 * @active: the firmware schedules the engines (from an accepted SET_STATE
 *	until the host takes them back or the GSP is reset)
 * @policy: NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_* in effect
 * @arr: adaptive round robin is on
 * @timeslice_ns: the target slice
 * @arr_frequency: ARR's scheduling frequency, Hz
 * @arr_avg_factor: ARR's averaging factor
 * @host_owner: what the host last asked the engines to run (set_owner),
 *	applied whenever the firmware is not in charge
 * @timer: ends each slice (softirq)
 * @curr: position holding the GPU (0 the PF, 1..32 a GFID, beyond a
 *	vacant slot), %SIM_OBJSCHED_NOBODY when nothing runs
 * @pos: the position that held the GPU last, where the round continues
 * @slice_start: when @curr got the GPU (ns)
 * @slice_ns: its slice, 0 while nothing runs
 * @slice_idle_ns: time of the slice in progress without work, up to
 *	@idle_since
 * @idle_since: when @curr ran out of work, 0 while it has work
 * @num_booted: vGPUs whose plugin task runs
 * @slots: fixed share's round: the most instances any of their types allows
 * @swrl: per function, its runlist
 * @vacant: the vacant fixed-share slots' accounting
 * @log: per engine, its log (allocated by sim_objsched_init())
 * @decisions: scheduling decisions made
 */
struct sim_objsched {
	spinlock_t lock; /* see @lock above */
	bool active;
	u32 policy;
	bool arr;
	u32 timeslice_ns;
	u32 arr_frequency;
	u32 arr_avg_factor;
	u32 host_owner;
	struct hrtimer timer;
	u32 curr;
	u32 pos;
	u64 slice_start;
	u64 slice_ns;
	u64 slice_idle_ns;
	u64 idle_since;
	u32 num_booted;
	u32 slots;
	struct sim_objsched_swrl swrl[SIM_NUM_FUNCTIONS];
	struct sim_objsched_swrl vacant;
	struct sim_objsched_log *log;
	u64 decisions;
};

/* &sim_objsched.curr when nothing holds the GPU */
#define SIM_OBJSCHED_NOBODY	U32_MAX

/**
 * struct sim_gsp_msg - a status-queue message waiting for ring space
 * @link: entry in &sim_gsp.outq
 * @queued: jiffies when it was queued (for the delay fault)
 * @function: rpc.function
 * @result: rpc.rpc_result
 * @token: rpc.sequence, echoed from the request (0 for events)
 * @len: payload bytes
 * @data: payload
 */
struct sim_gsp_msg {
	struct list_head link;
	unsigned long queued;
	u32 function;
	u32 result;
	u32 token;
	u32 len;
	u8 data[];
};

/**
 * struct sim_sysinfo - what the emulator reads of GspSystemInfo
 * @bar0_addr: gpuPhysAddr
 * @fb_bar_addr: gpuPhysFbAddr
 * @inst_bar_addr: gpuPhysInstAddr
 * @bdf: nvDomainBusDeviceFunc
 * @pci_device_id: PCIDeviceID, if @has_pci_ids
 * @has_pci_ids: the release's GspSystemInfo carries the PCI IDs
 */
struct sim_sysinfo {
	u64 bar0_addr;
	u64 fb_bar_addr;
	u64 inst_bar_addr;
	u64 bdf;
	u32 pci_device_id;
	bool has_pci_ids;
};

/**
 * struct sim_gsp - the GSP firmware emulator of one simulated GPU
 * @lock: serialises the emulator against debugfs and resets
 * @state: core state
 * @start_pending: the host set CPUCTL.STARTCPU
 * @reset_pending: the host asserted ENGINE.RESET; the emulator's work
 *	resets the core and then ends HWCFG2.MEM_SCRUBBING
 * @shared_bus: bus address of the linked shared block
 * @cmdq_tx: host's cmdq producer header
 * @cmdq_rx: host's statq read pointer (cmdq page, swap-rx)
 * @cmdq_slots: cmdq slot 0
 * @statq_tx: our statq producer header
 * @statq_rx: our cmdq read pointer (statq page, swap-rx)
 * @statq_slots: statq slot 0
 * @rx_seq: seqNum the next command must carry
 * @tx_seq: seqNum of our next status message
 * @rxbuf: private copy of the command being processed (64 KiB)
 * @outq: status messages waiting for ring space or a delay
 * @big: reassembly buffer for commands split into continuation records,
 *	kept from one to the next
 * @big_size: bytes of @big
 * @big_fn: function of the command being reassembled
 * @big_token: rpc.sequence of the command being reassembled
 * @big_len: bytes of @big filled
 * @big_total: bytes expected in @big; 0 when no command is split
 * @got_sysinfo: GSP_SET_SYSTEM_INFO processed, and it described this board
 * @types: the vGPU types the host added (PGPU_ADD_VGPU_TYPE); a reset
 *	forgets them, as it forgets everything
 * @num_types: valid entries in @types
 * @got_registry: SET_REGISTRY processed
 * @init_done: GSP_INIT_DONE sent
 * @unload_pending: suspend once the UNLOADING_GUEST_DRIVER reply is out
 * @irq_bits: IRQSTAT bits to raise once the lock is dropped
 * @clients: RM clients by handle
 * @num_clients: entries in @clients
 * @internal: handles of the internal client, device and subdevice
 * @rx_msgs: commands consumed
 * @tx_msgs: status messages published
 * @resets: engine resets done
 * @faults: faults injected
 * @ecc_acks: ECC_NOTIFIER_WRITE_ACKs received
 * @registry_keys: entries of the last SET_REGISTRY
 * @last_error: why the emulator last rejected something
 * @fault: fault injection
 */
struct sim_gsp {
	struct mutex lock; /* see @lock above */
	enum sim_gsp_state state;
	bool start_pending;
	bool reset_pending;

	u64 shared_bus;
	struct nvgsp_msgq_tx_header *cmdq_tx;
	struct nvgsp_msgq_rx_header *cmdq_rx;
	void *cmdq_slots;
	struct nvgsp_msgq_tx_header *statq_tx;
	struct nvgsp_msgq_rx_header *statq_rx;
	void *statq_slots;
	u32 rx_seq;
	u32 tx_seq;
	void *rxbuf;
	struct list_head outq;

	u8 *big;
	size_t big_size;
	u32 big_fn;
	u32 big_token;
	size_t big_len;
	size_t big_total;

	bool got_sysinfo;
	struct nvvgpu_vgpu_type types[NVA081_MAX_VGPU_TYPES_PER_PGPU];
	u32 num_types;
	bool got_registry;
	bool init_done;
	bool unload_pending;
	u32 irq_bits;

	struct xarray clients;
	u32 num_clients;
	struct nvgsp_internal_handles internal;

	u64 rx_msgs;
	u64 tx_msgs;
	u64 resets;
	u64 faults;
	u64 ecc_acks;
	u32 registry_keys;
	const char *last_error;
	struct sim_fault fault;
};

/**
 * struct sim_typefile_board - what a vGPU type file must match
 * @vendor_id: PCI vendor ID
 * @device_id: PCI device ID
 * @subsystem_vendor_id: PCI subsystem vendor ID
 * @subsystem_id: PCI subsystem ID
 * @fb_size: framebuffer bytes
 * @fb_usable: bytes below the firmware's reserved top, for vGPUs
 * @segment_size: VMMU segment: guest FB granularity
 */
struct sim_typefile_board {
	u16 vendor_id;
	u16 device_id;
	u16 subsystem_vendor_id;
	u16 subsystem_id;
	u64 fb_size;
	u64 fb_usable;
	u64 segment_size;
};

/**
 * struct sim_gpu - one simulated GPU
 * @index: 0..num_gpus - 1 for the platform GPUs (the platform device id),
 *	then the GPUs on PCI functions (sim_pci.c)
 * @pdev: the platform device of a platform GPU, NULL on a PCI function
 * @dev: the pgpu's device: @pdev's, or the PCI function's
 * @pgpu: the core's pgpu once registered
 * @fw_version: firmware release the board claims to run
 * @abi: its ABI, NULL if nvvgpu does not know the release
 * @fb_size: framebuffer bytes
 * @fb_usable: bytes below the firmware's reserved top
 * @reg_lock: protects @falcon; taken in atomic context
 * @falcon: GSP falcon register file (0x110000..0x110fff)
 * @mem_lock: protects @mem_regions and @mem_next_bus
 * @mem_regions: live dma_alloc regions
 * @mem_next_bus: next fake bus address
 * @fb_pages: sparse framebuffer, one page per index, allocated on touch
 * @types_file: firmware file name of the vGPU type catalogue
 * @engine_mask: NV2080 engine types present
 * @vgpus: per-GFID plugin state, index gfid - 1; @sim_vgpu.state is written
 *	with WRITE_ONCE() under &sim_gsp.lock, read locklessly by sim_vf.c
 * @vfs: per-function VF registers, index gfid (0: the host's counters)
 * @wq: ordered workqueue of the emulator
 * @work: the emulator, run on doorbell, start and retry
 * @gsp: emulator state
 * @engines: engines and channels
 * @objsched: the firmware's vGPU scheduler
 * @debugfs: the GPU's debugfs directory
 */
struct sim_gpu {
	u32 index;
	struct platform_device *pdev;
	struct device *dev;
	struct nvvgpu_pgpu *pgpu;
	char fw_version[NVVGPU_FW_VERSION_LEN];
	const struct nvgsp_fw_abi *abi;
	u64 fb_size;
	u64 fb_usable;

	spinlock_t reg_lock; /* see @reg_lock above */
	u32 falcon[NV_PGSP_FALCON_SIZE / 4];

	struct mutex mem_lock; /* see @mem_lock above */
	struct list_head mem_regions;
	u64 mem_next_bus;
	struct xarray fb_pages;

	const char *types_file;
	u64 engine_mask;
	struct sim_vgpu vgpus[SIM_MAX_GFID];
	struct sim_vf vfs[SIM_MAX_GFID + 1];

	struct workqueue_struct *wq;
	struct delayed_work work;
	struct sim_gsp gsp;
	struct sim_engines engines;
	struct sim_objsched objsched;

	struct dentry *debugfs;
};

/* the core's number of the GPU, for traces (U32_MAX before registration) */
static inline u32 sim_pgpu_id(const struct sim_gpu *sim)
{
	return sim->pgpu ? sim->pgpu->id : U32_MAX;
}

#endif /* __NVVGPU_SIM_TYPES_H__ */
