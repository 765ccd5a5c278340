/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: data types of the core object model (physical GPU, vGPU, vGPU type).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_CORE_TYPES_H__
#define __NVVGPU_CORE_TYPES_H__

#include <linux/auxiliary_bus.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/uuid.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

struct dentry;
struct device;
struct nvvgpu_backend_ops;
struct nvvgpu_client_ops;
struct nvvgpu_event_sink;
struct nvvgpu_work_sink;
struct nvvgpu_provider;
struct nvvgpu_transport_ops;

/* size of a vGPU type name, including the NUL */
#define NVVGPU_TYPE_NAME_LEN		32
/* largest vGPU type table a pgpu may report */
#define NVVGPU_MAX_TYPES		64
/* size of a vGPU type license string, including the NUL */
#define NVVGPU_TYPE_LICENSE_LEN		128
/* as NVA081_MAX_VGPU_PER_PGPU */
#define NVVGPU_MAX_VGPUS_PER_PGPU	32
/* size of a firmware version string */
#define NVVGPU_FW_VERSION_LEN		32

/**
 * enum nvvgpu_provider_kind - kinds of provider that register with the core
 * @NVVGPU_PROVIDER_TRANSPORT: firmware transport (nvvgpu_gsp); attaches first
 *	and supplies the pgpu's static information and type table
 * @NVVGPU_PROVIDER_PARTITION: resource partitioning (nvvgpu_mm)
 * @NVVGPU_PROVIDER_SCHEDULER: time-slice scheduling (nvvgpu_sched)
 * @NVVGPU_PROVIDER_NR: number of provider kinds
 *
 * The order is the attach order: a provider attaches to a pgpu only once every
 * kind before it is attached, and detaches before any kind before it does.
 */
enum nvvgpu_provider_kind {
	NVVGPU_PROVIDER_TRANSPORT,
	NVVGPU_PROVIDER_PARTITION,
	NVVGPU_PROVIDER_SCHEDULER,
	NVVGPU_PROVIDER_NR,
};

/**
 * enum nvvgpu_client_kind - kinds of client auxiliary device per pgpu
 * @NVVGPU_CLIENT_VFIO: the VFIO/mdev exposure (auxiliary device "vfio")
 * @NVVGPU_CLIENT_DRM: the DRM render node (auxiliary device "drm")
 * @NVVGPU_CLIENT_NR: number of client kinds
 */
enum nvvgpu_client_kind {
	NVVGPU_CLIENT_VFIO,
	NVVGPU_CLIENT_DRM,
	NVVGPU_CLIENT_NR,
};

/**
 * struct nvvgpu_vgpu_type - one entry of a pgpu's vGPU type catalogue
 * @id: type identifier as the firmware reports it (e.g. 941)
 * @name: type name, e.g. "NVS-2Q"
 * @class: workload class, e.g. "Quadro", "Compute"
 * @fb_size: guest framebuffer size in bytes
 * @heap_size: management (GSP plugin) heap carved out beside the guest FB
 * @bar1_size: size of the guest's BAR1 aperture in bytes
 * @max_instances: most instances of this type one pgpu can host
 * @num_channels: channel IDs reserved per instance
 * @device_id: PCI device ID the guest sees
 * @subsystem_id: PCI subsystem ID the guest sees
 * @profile_size: the FB the type is sold with (the "4" of "L40S-4Q");
 *	@fb_size is what the guest gets, at most this
 * @num_heads: virtual display heads
 * @max_res_x: widest display resolution, pixels
 * @max_res_y: tallest display resolution, pixels
 * @frame_rate_limit: frame-rate limiter in frames per second, 0 for none
 * @license: the license classes the guest may use, e.g.
 *	"GRID-Virtual-Apps,3.0" (NUL-terminated)
 */
struct nvvgpu_vgpu_type {
	u32 id;
	char name[NVVGPU_TYPE_NAME_LEN];
	char class[16];
	u64 fb_size;
	u64 heap_size;
	u64 bar1_size;
	u32 max_instances;
	u32 num_channels;
	u16 device_id;
	u16 subsystem_id;
	u64 profile_size;
	u32 num_heads;
	u32 max_res_x;
	u32 max_res_y;
	u32 frame_rate_limit;
	char license[NVVGPU_TYPE_LICENSE_LEN];
};

/**
 * struct nvvgpu_system_info - the board's bus facts, for the firmware
 * @bar0_addr: bus address of BAR0 (registers)
 * @fb_bar_addr: bus address of the framebuffer aperture (BAR1)
 * @inst_bar_addr: bus address of the instance-memory aperture (BAR3)
 * @pci_domain: PCI domain (segment) of the physical function
 * @pci_bus: its bus number
 * @pci_devfn: its device and function (PCI_DEVFN())
 * @pci_vendor_id: PCI vendor ID (0x10de)
 * @pci_device_id: PCI device ID
 * @pci_subsystem_vendor_id: PCI subsystem vendor ID
 * @pci_subsystem_id: PCI subsystem ID
 * @pci_revision: PCI revision ID
 * @pci_config_mirror_base: BAR0 offset where PCI config space is mirrored
 * @pci_config_mirror_size: bytes of that mirror
 */
struct nvvgpu_system_info {
	u64 bar0_addr;
	u64 fb_bar_addr;
	u64 inst_bar_addr;
	u32 pci_domain;
	u8 pci_bus;
	u8 pci_devfn;
	u16 pci_vendor_id;
	u16 pci_device_id;
	u16 pci_subsystem_vendor_id;
	u16 pci_subsystem_id;
	u8 pci_revision;
	u32 pci_config_mirror_base;
	u32 pci_config_mirror_size;
};

/**
 * struct nvvgpu_pgpu_info - static information the transport reads at attach
 * @fb_size: usable framebuffer bytes
 * @vmmu_segment_size: placement granularity of guest FB (GET_VMMU_SEGMENT_SIZE)
 * @num_channels: channel IDs the pgpu offers
 * @engine_mask: bitmap of engines present
 * @num_types: valid entries in @types
 * @types: the vGPU type catalogue
 */
struct nvvgpu_pgpu_info {
	u64 fb_size;
	u64 vmmu_segment_size;
	u32 num_channels;
	u64 engine_mask;
	u32 num_types;
	struct nvvgpu_vgpu_type types[NVVGPU_MAX_TYPES];
};

/**
 * struct nvvgpu_partition - resources the partition provider reserved for a vGPU
 * @fb_offset: start of the guest FB in the pgpu's FB
 * @fb_size: bytes of guest FB
 * @heap_offset: start of the management heap
 * @heap_size: bytes of management heap
 * @chid_base: first channel ID
 * @chid_count: number of channel IDs
 */
struct nvvgpu_partition {
	u64 fb_offset;
	u64 fb_size;
	u64 heap_offset;
	u64 heap_size;
	u32 chid_base;
	u32 chid_count;
};

/**
 * struct nvvgpu_host_channel - a channel of the host's own, beside the vGPUs'
 * @pgpu: the physical GPU it runs on
 * @engine: NV2080_ENGINE_TYPE_* it runs on
 * @entries: GPFIFO ring entries, a power of two
 * @va_base: first byte of its framebuffer window, which is also the GPU
 *	virtual address the channel sees it at
 * @va_size: bytes of the window
 * @gpfifo: GPU address of the GPFIFO ring, in the window
 * @userd: GPU address of the USERD page, in the window
 * @token: work-submit token, for nvvgpu_host_channel_kick()
 * @chid: channel ID, as the channel's events carry it
 * @obj: the transport's handles for the channel's firmware objects
 * @stopped: nvvgpu_host_channel_stop() took it off the engines (the core's)
 *
 * Made by nvvgpu_host_channel_create(); every field is read-only for the
 * client. Every address the channel uses must lie in its window.
 */
struct nvvgpu_host_channel {
	struct nvvgpu_pgpu *pgpu;
	u32 engine;
	u32 entries;
	u64 va_base;
	u64 va_size;
	u64 gpfifo;
	u64 userd;
	u32 token;
	u32 chid;
	u32 obj[2];
	bool stopped;
};

/**
 * struct nvvgpu_host_channel_desc - what nvvgpu_host_channel_create() makes
 * @engine: NV2080_ENGINE_TYPE_* to run on; one of the pgpu's engine_mask
 * @entries: GPFIFO ring entries, a power of two, 2..512
 * @size: bytes of framebuffer window, page aligned
 * @gpfifo_offset: where the ring goes in the window, 8-byte aligned
 * @userd_offset: where USERD goes in the window, 512-byte aligned
 */
struct nvvgpu_host_channel_desc {
	u32 engine;
	u32 entries;
	u64 size;
	u64 gpfifo_offset;
	u64 userd_offset;
};

/**
 * enum nvvgpu_vgpu_state - the vGPU lifecycle, owned by the core
 * @NVVGPU_VGPU_CREATED: object exists, nothing reserved yet
 * @NVVGPU_VGPU_PROVISIONED: FB, heap and channels reserved
 * @NVVGPU_VGPU_BOOTED: the firmware plugin task is bootloaded, scheduled
 * @NVVGPU_VGPU_RUNNING: a VMM has the device open; it gets time slices
 * @NVVGPU_VGPU_PAUSED: open but descheduled (e.g. migration stop-copy)
 * @NVVGPU_VGPU_STOPPED: closed again; resources still held
 * @NVVGPU_VGPU_DEAD: torn down, or lost with its pgpu
 * @NVVGPU_VGPU_STATE_NR: number of states
 */
enum nvvgpu_vgpu_state {
	NVVGPU_VGPU_CREATED,
	NVVGPU_VGPU_PROVISIONED,
	NVVGPU_VGPU_BOOTED,
	NVVGPU_VGPU_RUNNING,
	NVVGPU_VGPU_PAUSED,
	NVVGPU_VGPU_STOPPED,
	NVVGPU_VGPU_DEAD,
	NVVGPU_VGPU_STATE_NR,
};

/**
 * struct nvvgpu_pgpu - a physical GPU as the core sees it
 * @dev: the backend's device (parent of the auxiliary devices)
 * @id: core-wide index, used in device and debugfs names
 * @backend: hardware backend ops
 * @backend_priv: the backend's per-pgpu data
 * @fw_version: firmware version string the backend reports, e.g. "535.113.01"
 * @link: entry in the core's pgpu list (core lock)
 * @lock: serialises attach state, @vgpus and lifecycle transitions
 * @attached: bitmap of attached provider kinds (@lock)
 * @prov: provider attached for each kind (@lock)
 * @prov_priv: per-pgpu data each provider returned from attach (@lock)
 * @info: static info supplied by the transport; valid while it is attached
 * @ready: transport attached and @info valid (@lock)
 * @lost: the pgpu stopped responding; new work is refused
 * @irq_lock: protects @irq_ops against detach while an interrupt is handled
 * @irq_ops: the attached transport, as seen by nvvgpu_pgpu_handle_irq()
 * @vgpus: vGPUs of this pgpu, indexed by vGPU id (@lock)
 * @num_vgpus: entries in @vgpus
 * @num_host_channels: host channels made by nvvgpu_host_channel_create();
 *	like a vGPU, each pins the transport and partition providers
 * @aux: client auxiliary devices, present while @ready
 * @aux_lock: serialises creation and removal of @aux; never taken with
 *	@lock held, because removing a client destroys its vGPUs
 * @removing: the backend is unregistering the pgpu (@aux_lock)
 * @client_lock: protects @clients and @client_priv
 * @clients: client ops registered through the auxiliary devices
 * @client_priv: data passed back to each client's callbacks
 * @lost_work: tells the clients that the pgpu was lost, or recovered
 * @host_sink: where events of the host's own channels go (the DRM client),
 *	RCU-published by nvvgpu_pgpu_set_host_sink()
 * @work_sink: where the backend's work reports go (the scheduler),
 *	RCU-published by nvvgpu_pgpu_set_work_sink()
 * @debugfs: the pgpu's debugfs directory
 */
struct nvvgpu_pgpu {
	struct device *dev;
	u32 id;
	const struct nvvgpu_backend_ops *backend;
	void *backend_priv;
	char fw_version[NVVGPU_FW_VERSION_LEN];
	struct list_head link;

	struct mutex lock; /* see @lock above */
	unsigned long attached;
	const struct nvvgpu_provider *prov[NVVGPU_PROVIDER_NR];
	void *prov_priv[NVVGPU_PROVIDER_NR];
	struct nvvgpu_pgpu_info info;
	bool ready;
	bool lost;
	spinlock_t irq_lock; /* see @irq_lock above */
	const struct nvvgpu_transport_ops *irq_ops;
	struct xarray vgpus;
	u32 num_vgpus;
	u32 num_host_channels;

	struct auxiliary_device *aux[NVVGPU_CLIENT_NR];
	struct mutex aux_lock; /* see @aux_lock above */
	bool removing;
	struct mutex client_lock; /* see @client_lock above */
	const struct nvvgpu_client_ops *clients[NVVGPU_CLIENT_NR];
	void *client_priv[NVVGPU_CLIENT_NR];
	struct work_struct lost_work;
	struct nvvgpu_event_sink __rcu *host_sink;
	struct nvvgpu_work_sink __rcu *work_sink;

	struct dentry *debugfs;
};

/* highest scheduling weight a vGPU may have */
#define NVVGPU_VGPU_WEIGHT_MAX	100
/* a vGPU's execution quantum: 0 (the policy's slice) or within these */
#define NVVGPU_VGPU_QUANTUM_MIN_US	100
#define NVVGPU_VGPU_QUANTUM_MAX_US	100000
/* a vGPU's preemption timeout: 0 (the backend's default) or within these */
#define NVVGPU_VGPU_PREEMPT_MIN_US	1000
#define NVVGPU_VGPU_PREEMPT_MAX_US	10000000

/**
 * enum nvvgpu_vgpu_param - a vGPU's scheduling settings
 * @NVVGPU_VGPU_WEIGHT: its weight under the weighted policy
 * @NVVGPU_VGPU_EXEC_QUANTUM_US: its own slice length, 0 for the policy's
 * @NVVGPU_VGPU_PREEMPT_TIMEOUT_US: how long its channels may take to
 *	yield, 0 for the backend's default
 * @NVVGPU_VGPU_PARAM_NR: number of settings
 */
enum nvvgpu_vgpu_param {
	NVVGPU_VGPU_WEIGHT,
	NVVGPU_VGPU_EXEC_QUANTUM_US,
	NVVGPU_VGPU_PREEMPT_TIMEOUT_US,
	NVVGPU_VGPU_PARAM_NR,
};

/**
 * struct nvvgpu_vgpu - a virtual GPU
 * @pgpu: the physical GPU it lives on
 * @id: index in the pgpu's vGPU table; the firmware GFID is @id + 1
 * @uuid: identity given by the creator (the mdev UUID)
 * @type: its vGPU type (points into the pgpu's catalogue)
 * @state: lifecycle state (pgpu lock)
 * @part: resources the partition provider reserved
 * @prov_priv: per-vGPU data of each provider
 * @pinned: provider kinds whose module this vGPU holds a reference on
 * @weight: scheduling weight, 1..%NVVGPU_VGPU_WEIGHT_MAX
 *	(nvvgpu_vgpu_set_param(); read with READ_ONCE())
 * @exec_quantum_us: its own slice length, 0 for the policy's
 *	(nvvgpu_vgpu_set_param(); READ_ONCE())
 * @preempt_timeout_us: how long its channels may take to yield before
 *	they are reset, 0 for the backend's default
 *	(nvvgpu_vgpu_set_param(); READ_ONCE())
 * @plugin_up: the firmware plugin task is bootloaded (pgpu lock)
 * @link: entry in the core's list of all vGPUs (UUIDs are unique host-wide)
 * @sink: where the backend's events for this vGPU go (its VFIO device),
 *	RCU-published by nvvgpu_vgpu_set_sink()
 * @rcu: frees the vGPU after a grace period, since events look it up
 *	under RCU
 */
struct nvvgpu_vgpu {
	struct nvvgpu_pgpu *pgpu;
	u32 id;
	uuid_t uuid;
	const struct nvvgpu_vgpu_type *type;
	enum nvvgpu_vgpu_state state;
	struct nvvgpu_partition part;
	void *prov_priv[NVVGPU_PROVIDER_NR];
	unsigned long pinned;
	u32 weight;
	u32 exec_quantum_us;
	u32 preempt_timeout_us;
	bool plugin_up;
	struct list_head link;
	struct nvvgpu_event_sink __rcu *sink;
	struct rcu_head rcu;
};

/**
 * enum nvvgpu_event_type - what the hardware reports about a function
 * @NVVGPU_EVENT_INTERRUPT: the function's interrupt line went up (a VF's
 *	CPU_INTR tree has an enabled bit set); the client signals the guest
 * @NVVGPU_EVENT_CHANNEL_ERROR: a channel was put in error (robust-channel
 *	recovery): @nvvgpu_event.xid says why
 * @NVVGPU_EVENT_CHANNEL_DONE: a host channel released a semaphore with an
 *	interrupt (host channels only; a VF's come as interrupts)
 */
enum nvvgpu_event_type {
	NVVGPU_EVENT_INTERRUPT,
	NVVGPU_EVENT_CHANNEL_ERROR,
	NVVGPU_EVENT_CHANNEL_DONE,
};

/**
 * struct nvvgpu_event - one event the backend reports through the core
 * @type: what happened
 * @chid: the channel, for channel events
 * @xid: ROBUST_CHANNEL_* error number, for %NVVGPU_EVENT_CHANNEL_ERROR
 * @addr: faulting address in the function's own address space, for MMU
 *	faults; 0 otherwise
 */
struct nvvgpu_event {
	enum nvvgpu_event_type type;
	u32 chid;
	u32 xid;
	u64 addr;
};

/**
 * struct nvvgpu_event_sink - a client's receiver of backend events
 * @notify: called by nvvgpu_pgpu_report_event() under rcu_read_lock(), in
 *	whatever context the backend reports from (process or softirq, never
 *	hardirq); must not sleep. The client embeds the sink in its own
 *	per-function object and recovers it with container_of().
 */
struct nvvgpu_event_sink {
	void (*notify)(struct nvvgpu_event_sink *sink,
		       const struct nvvgpu_event *ev);
};

/**
 * struct nvvgpu_work_sink - the scheduler's receiver of work reports
 * @work: function @gfid (0: the host) now has work queued on the engines,
 *	or has none left. Called by nvvgpu_pgpu_report_work() under
 *	rcu_read_lock(), in the backend's context (process or softirq, never
 *	hardirq); must not sleep.
 * @preempt_timeout: a channel of function @gfid did not yield in time and
 *	was reset. Called from nvvgpu_pgpu_report_event(), same context.
 */
struct nvvgpu_work_sink {
	void (*work)(struct nvvgpu_work_sink *sink, u32 gfid, bool pending);
	void (*preempt_timeout)(struct nvvgpu_work_sink *sink, u32 gfid,
				u32 chid);
};

/* engines a pgpu may account per function */
#define NVVGPU_MAX_ENGINES	8

/**
 * struct nvvgpu_engine_stats - one engine's counters for one function,
 *	cumulative, from the backend's engine_stats op
 * @name: the engine's name, e.g. "gr0" (static)
 * @busy_ns: time the engine ran the function's work
 * @jobs: work items (GPFIFO entries) it completed
 * @preemptions: times it was told to yield while running the function
 * @preempt_ns: time from being told to yield to having yielded
 * @ctxsw_ns: time it spent saving and restoring contexts to switch to
 *	the function
 */
struct nvvgpu_engine_stats {
	const char *name;
	u64 busy_ns;
	u64 jobs;
	u64 preemptions;
	u64 preempt_ns;
	u64 ctxsw_ns;
};

/**
 * struct nvvgpu_vgpu_sched_stats - what the scheduler gave a vGPU
 * @policy: the pgpu's policy name (static)
 * @slices: slices it was given
 * @granted_ns: time it held the GPU
 * @wait_ns: time it had work while another held the GPU
 * @idle_ns: time it held the GPU without work
 * @preemptions: slices that ended while it still had work
 * @preempt_ns: time its engines took to yield
 * @preempt_timeouts: channels reset for not yielding in time
 * @num_engines: entries of @engine in use
 * @engine: per engine, its counters
 */
struct nvvgpu_vgpu_sched_stats {
	const char *policy;
	u64 slices;
	u64 granted_ns;
	u64 wait_ns;
	u64 idle_ns;
	u64 preemptions;
	u64 preempt_ns;
	u64 preempt_timeouts;
	u32 num_engines;
	struct nvvgpu_engine_stats engine[NVVGPU_MAX_ENGINES];
};

/* host framebuffer ranges a partition hand-over can carry */
#define NVVGPU_HANDOVER_MAX_HOST_RANGES	64
/* a scheduler policy's name, as the nvvgpu_sched/policy file spells it */
#define NVVGPU_HANDOVER_POLICY_LEN	24

/**
 * struct nvvgpu_handover_vgpu - one vGPU as it crosses a hand-over
 * @vgpu: the vGPU (filled by the core)
 * @runnable: a VMM has it open and not paused (filled by the core)
 * @stats: scheduler: what the outgoing scheduler gave it so far, which
 *	the incoming one continues from (filled by @export)
 * @origin: scheduler: per engine, the engine's counters for the vGPU's
 *	function when the vGPU was added, which the engine figures of @stats
 *	count from (filled by @export). The engines run on between @export
 *	and @adopt: the incoming scheduler counts from these, not from the
 *	counters it reads minus @stats, or the jobs of that gap go missing.
 */
struct nvvgpu_handover_vgpu {
	struct nvvgpu_vgpu *vgpu;
	bool runnable;
	struct nvvgpu_vgpu_sched_stats stats;
	struct nvvgpu_engine_stats origin[NVVGPU_MAX_ENGINES];
};

/**
 * struct nvvgpu_handover_range - a range of framebuffer or channel IDs
 * @start: first byte or ID
 * @size: bytes or IDs
 */
struct nvvgpu_handover_range {
	u64 start;
	u64 size;
};

/**
 * struct nvvgpu_handover - what an outgoing provider hands the incoming one
 * @kind: the provider kind being swapped
 * @num_vgpus: entries of @vgpus
 * @vgpus: every vGPU of the pgpu, in id order; their partitions are in
 *	&nvvgpu_vgpu.part, their scheduling settings in &nvvgpu_vgpu
 * @sched: scheduler kind: the outgoing scheduler's settings, which the
 *	incoming one applies as far as it can (@export fills them)
 * @sched.policy: policy name, e.g. "equal_share"
 * @sched.timeslice_us: slice length
 * @sched.host_weight: the host's weight
 * @sched.arr_avg_factor: ARR average factor
 * @sched.arr_frequency: ARR frequency
 * @part: partition kind: what the outgoing partitioner reserved beyond the
 *	vGPUs' partitions (@export fills it)
 * @part.num_host: entries of @part.host
 * @part.host: host framebuffer ranges (host channel windows)
 */
struct nvvgpu_handover {
	enum nvvgpu_provider_kind kind;
	u32 num_vgpus;
	struct nvvgpu_handover_vgpu vgpus[NVVGPU_MAX_VGPUS_PER_PGPU];
	struct {
		char policy[NVVGPU_HANDOVER_POLICY_LEN];
		u32 timeslice_us;
		u32 host_weight;
		u32 arr_avg_factor;
		u32 arr_frequency;
	} sched;
	struct {
		u32 num_host;
		struct nvvgpu_handover_range host[NVVGPU_HANDOVER_MAX_HOST_RANGES];
	} part;
};

/**
 * struct nvvgpu_aux_device - auxiliary device the core creates for a client
 * @adev: the auxiliary device, named "nvvgpu_core.<kind>.<pgpu id>"
 * @pgpu: the pgpu it gives access to
 * @kind: which client kind it is for
 */
struct nvvgpu_aux_device {
	struct auxiliary_device adev;
	struct nvvgpu_pgpu *pgpu;
	enum nvvgpu_client_kind kind;
};

#endif /* __NVVGPU_CORE_TYPES_H__ */
