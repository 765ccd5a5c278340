/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu-smi: shared declarations of the sysfs model and the output
 * formats.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef NVVGPU_SMI_H
#define NVVGPU_SMI_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/types.h>

/* exit statuses: nvidia-smi's where it has one */
#define SMI_EXIT_OK		0
#define SMI_EXIT_ERROR		1	/* anything else (I/O, memory) */
#define SMI_EXIT_USAGE		2	/* bad argument */
#define SMI_EXIT_NOT_AVAILABLE	3	/* no scheduler, no mdev parent */
#define SMI_EXIT_PERMISSION	4	/* writing needs root */
#define SMI_EXIT_NOT_FOUND	6	/* no such pgpu or vGPU */
#define SMI_EXIT_NOT_LOADED	9	/* nvvgpu_core is not loaded */

#define SMI_MAX_ENGINES		16
#define SMI_UUID_LEN		36

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define BIT(n)			(1u << (n))
/* as the kernel's compiler_attributes.h has it */
#define __printf(a, b)		__attribute__((format(printf, a, b)))

/* a vGPU's sched_stats: what the scheduler gave it, what the engines ran */
struct smi_engine_stats {
	char name[16];
	__u64 busy_ns;
	__u64 jobs;
	__u64 ctxsw_ns;
};

struct smi_stats {
	bool valid;
	char policy[32];
	__u64 slices;
	__u64 granted_ns;
	__u64 wait_ns;
	__u64 idle_ns;
	__u64 preemptions;
	__u64 preempt_ns;
	__u64 preempt_timeouts;
	unsigned int num_engines;
	struct smi_engine_stats engine[SMI_MAX_ENGINES];
};

/* an mdev type: a vGPU type of a pgpu's catalogue */
struct smi_type {
	unsigned int id;
	char name[64];
	char class[32];
	__u64 fb_mib;
	__u64 bar1_mib;
	unsigned int max_instances;
	unsigned int channels;
	char device[16];
	char subsystem[16];
	long available;		/* available_instances, -1 unreadable */
	unsigned int in_use;	/* vGPUs of the type on the pgpu */
};

struct smi_vgpu {
	char uuid[SMI_UUID_LEN + 1];
	char dir[PATH_MAX];	/* the mdev device's nvvgpu/ directory */
	unsigned int pgpu;
	unsigned int id;
	struct smi_type type;	/* from the mdev_type link */
	char state[16];
	unsigned int weight;
	unsigned int exec_quantum_us;
	unsigned int preempt_timeout_us;
	long owner_pid;		/* -1: no owner_pid attribute */
	char owner[32];		/* /proc/<pid>/comm, "" if unknown */
	__u64 irqs_delivered;
	__u64 channel_errors;
	struct smi_stats stats;
	__u64 stats_ns;	/* CLOCK_MONOTONIC when stats were read */
};

struct smi_sched {
	bool present;
	char policy[32];
	char available[128];
	unsigned int timeslice_us;
	unsigned int arr_avg_factor;
	unsigned int arr_frequency;
	unsigned int arr_timeslice_min_us;
	unsigned int arr_timeslice_max_us;
	unsigned int host_weight;
	__u64 switches;
};

/* the provider kinds of nvvgpu_providers/ (sysfs-nvvgpu-providers) */
enum smi_provider { SMI_TRANSPORT, SMI_PARTITION, SMI_SCHEDULER, SMI_NR_PROVIDERS };

struct smi_pgpu {
	unsigned int id;
	char dev[PATH_MAX];	/* the pgpu's device directory */
	char aux[PATH_MAX];	/* nvvgpu_core.vfio.<id>, "" if absent */
	/* the mdev parent: the PCI device, or @aux when not on PCI */
	char mdev[PATH_MAX];
	char name[64];		/* nvvgpu_sim.0, or the PCI address */
	char bus[32];
	char driver[64];
	bool vfio;		/* nvvgpu_vfio registered the mdev parent @mdev */
	bool drm;		/* nvvgpu_drm bound its auxiliary device */
	/* the provider of each kind the pgpu runs, "" for none or unknown */
	char provider[SMI_NR_PROVIDERS][32];
	unsigned int num_types;
	struct smi_type *types;
	unsigned int num_vgpus;
	struct smi_vgpu *vgpus;
	struct smi_sched sched;
};

struct smi_system {
	const char *root;
	unsigned int num_pgpus;
	struct smi_pgpu *pgpus;
};

/* one line of nvvgpu_sched/log */
struct smi_log_entry {
	char engine[16];
	__u64 timestamp_ns;
	__u64 time_run_total_ns;
	__u64 time_run_ns;
	__u64 swrl_id;
	long vgpu;
	__u64 target_slice_ns;
	__u64 cumulative_preemption_ns;
	__u64 cumulative_idle_ns;
	__u64 weight;
};

/* what smi_scan() reads besides the pgpus */
#define SMI_SCAN_TYPES		BIT(0)
#define SMI_SCAN_VGPUS		BIT(1)
#define SMI_SCAN_STATS		BIT(2)
#define SMI_SCAN_SCHED		BIT(3)
#define SMI_SCAN_ALL		(SMI_SCAN_TYPES | SMI_SCAN_VGPUS | \
				 SMI_SCAN_STATS | SMI_SCAN_SCHED)

/* smi_sysfs.c: parsing */
int smi_parse_u64(const char *s, __u64 *val);
int smi_parse_uint(const char *s, unsigned int *val);
bool smi_is_uuid(const char *s);
int smi_parse_description(const char *s, struct smi_type *type);
int smi_parse_stats(const char *text, struct smi_stats *st);
int smi_parse_log_line(const char *line, struct smi_log_entry *e);
int smi_parse_providers(const char *s, char *active, size_t size);
__u64 smi_now_ns(void);

/* smi_sysfs.c: reading and writing sysfs */
int smi_read_text(const char *path, char *buf, size_t size);
int smi_write_text(const char *path, const char *val);
bool smi_loaded(const char *root);
int smi_scan(struct smi_system *sys, const char *root, unsigned int what);
void smi_free(struct smi_system *sys);
int smi_read_stats(struct smi_vgpu *v);
struct smi_pgpu *smi_find_pgpu(struct smi_system *sys, unsigned int id);
struct smi_vgpu *smi_find_vgpu(struct smi_system *sys, const char *uuid);

/* smi_output.c: text tables, CSV and JSON from the same calls */
enum smi_format { SMI_FMT_TEXT, SMI_FMT_CSV, SMI_FMT_JSON };

/* table flags */
#define OUT_PRIMARY	BIT(0)	/* the table CSV prints */
#define OUT_BLOCKS	BIT(1)	/* text: "key: value" blocks */
#define OUT_STREAM	BIT(2)	/* text: each row as it ends */
/* field flags */
#define OUT_NOTEXT	BIT(0)	/* not in text output */

void out_init(enum smi_format fmt, FILE *f);
void out_begin(void);
int out_end(void);
void out_table(const char *name, unsigned int flags);
void out_table_end(void);
void out_row(void);
void out_row_end(void);
void out_row_header(void);
void out_str(const char *key, const char *val, unsigned int flags);
void out_u64(const char *key, __u64 val, unsigned int flags);
void out_s64(const char *key, __s64 val, unsigned int flags);
void out_bool(const char *key, bool val, unsigned int flags);
void out_dbl(const char *key, double val, int prec, bool valid,
	     unsigned int flags);
void out_null(const char *key, unsigned int flags);
void out_text_note(const char *msg);
void out_json_string(FILE *f, const char *s);
void out_csv_field(FILE *f, const char *s);

#endif /* NVVGPU_SMI_H */
