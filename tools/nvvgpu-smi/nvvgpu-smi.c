// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu-smi: nvvgpu's pgpus and vGPUs as an operator sees them, in the
 * spirit of "nvidia-smi vgpu": lists, a vGPU's details, the vGPU types, the
 * scheduler's state, settings and log, and a utilization monitor, as text,
 * CSV or JSON. It reads and writes the documented sysfs ABI only
 * (Documentation/nvvgpu-smi.rst).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "smi.h"

#define SMI_VERSION	"1.0"

/* options, as bits of struct opts.given and of struct smi_cmd.opts */
#define O_ID		BIT(0)
#define O_LOOP		BIT(1)
#define O_COUNT		BIT(2)
#define O_ENGINE	BIT(3)
#define O_CREATABLE	BIT(4)
#define O_SAMPLE	BIT(5)

struct opts {
	unsigned int given;
	enum smi_format fmt;
	const char *root;
	unsigned int pgpu;
	double loop_s;
	unsigned long count;
	const char *engine;
	unsigned int sample_ms;
	char **args;		/* after the command */
	int num_args;
};

struct smi_cmd {
	const char *name;
	int (*run)(struct smi_system *sys, const struct opts *o);
	unsigned int opts;	/* the options it takes */
	unsigned int scan;	/* what it reads */
	bool args;		/* it takes arguments */
};

static const char usage_text[] =
"Usage: nvvgpu-smi [OPTIONS] [COMMAND [ARGS]]\n"
"\n"
"Shows and sets nvvgpu's physical GPUs (pgpus) and vGPUs through sysfs,\n"
"like nvidia-smi vgpu.\n"
"\n"
"Commands:\n"
"  list                       pgpus and their vGPUs (the default)\n"
"  query [UUID...]            each vGPU in detail: type, FB, channels, state,\n"
"                             owning process, scheduling, utilization\n"
"  types [--creatable]        vGPU types and their available instances\n"
"  sched                      scheduler state of each pgpu and its vGPUs\n"
"  log [-e ENGINE]            the scheduler log, engine by engine\n"
"  set [UUID...] KEY=VALUE... change scheduler settings (see below)\n"
"  monitor [UUID...]          utilization every -l seconds, -c times\n"
"\n"
"Options:\n"
"  -i, --id PGPU          only this pgpu\n"
"  -f, --format FORMAT    text (the default), csv or json; also --csv, --json\n"
"  -l, --loop SECONDS     monitor: interval, default 1 (0.5 is fine)\n"
"  -c, --count N          monitor: stop after N reports (default: on SIGINT)\n"
"  -e, --engine NAME      log: only this engine (gr0, ce0, ...)\n"
"      --creatable        types: only those with an instance available\n"
"      --sample-ms MS     query: utilization window, default 100, 0 for none\n"
"      --root DIR         sysfs root (default $NVVGPU_SMI_SYSFS, else /sys)\n"
"  -h, --help             this help\n"
"  -V, --version          the version\n"
"\n"
"Settings of set:\n"
"  with -i PGPU, else on every pgpu: policy=NAME timeslice_us=N\n"
"    arr_avg_factor=N arr_frequency=N arr_timeslice_min_us=N\n"
"    arr_timeslice_max_us=N host_weight=N, and weight=N exec_quantum_us=N\n"
"    preempt_timeout_us=N for all the pgpu's vGPUs at once\n"
"  with UUIDs: weight=N exec_quantum_us=N preempt_timeout_us=N\n"
"\n"
"Exit status: 0 done, 1 error, 2 bad argument, 3 not available (no\n"
"scheduler or mdev parent), 4 permission denied, 6 not found, 9 the\n"
"nvvgpu modules are not loaded.\n";

static void __printf(1, 2) error(const char *fmt, ...)
{
	va_list ap;

	fputs("nvvgpu-smi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int __printf(1, 2) usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("nvvgpu-smi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", usage_text);
	return SMI_EXIT_USAGE;
}

static int done(void)
{
	if (out_end()) {
		error("cannot write the output: %s", strerror(EIO));
		return SMI_EXIT_ERROR;
	}
	return SMI_EXIT_OK;
}

static bool want(const struct opts *o, const struct smi_pgpu *p)
{
	return !(o->given & O_ID) || p->id == o->pgpu;
}

static void out_opt_str(const char *key, const char *val, unsigned int flags)
{
	out_str(key, val && *val ? val : NULL, flags);
}

static void out_owner(const struct smi_vgpu *v)
{
	if (v->owner_pid < 0)
		out_null("owner_pid", 0);
	else
		out_s64("owner_pid", v->owner_pid, 0);
	out_opt_str("owner", v->owner, 0);
}

static void out_list_vgpu(const struct smi_vgpu *v)
{
	out_row();
	out_u64("pgpu", v->pgpu, 0);
	out_u64("vgpu", v->id, 0);
	out_str("uuid", v->uuid, 0);
	out_u64("type_id", v->type.id, 0);
	out_opt_str("type", v->type.name, 0);
	out_u64("fb_mib", v->type.fb_mib, 0);
	out_u64("channels", v->type.channels, 0);
	out_str("state", v->state, 0);
	out_owner(v);
}

/* list: the pgpus, and one line per vGPU */
static int cmd_list(struct smi_system *sys, const struct opts *o)
{
	unsigned int i, j, n = 0;

	out_begin();
	out_table("pgpus", 0);
	for (i = 0; i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];

		if (!want(o, p))
			continue;
		out_row();
		out_u64("pgpu", p->id, 0);
		out_str("device", p->name, 0);
		out_opt_str("bus", p->bus, 0);
		out_opt_str("driver", p->driver, 0);
		out_bool("vfio", p->vfio, 0);
		out_bool("drm", p->drm, 0);
		out_opt_str("transport", p->provider[SMI_TRANSPORT], 0);
		out_opt_str("partition", p->provider[SMI_PARTITION], 0);
		out_opt_str("scheduler", p->provider[SMI_SCHEDULER], 0);
		out_str("policy", p->sched.present ? p->sched.policy : NULL, 0);
		out_u64("types", p->num_types, 0);
		out_u64("vgpus", p->num_vgpus, 0);
		out_row_end();
	}
	out_table_end();

	out_table("vgpus", OUT_PRIMARY);
	for (i = 0; i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];

		for (j = 0; want(o, p) && j < p->num_vgpus; j++) {
			out_list_vgpu(&p->vgpus[j]);
			out_row_end();
			n++;
		}
	}
	if (!n) {
		static const struct smi_vgpu none;

		out_list_vgpu(&none);
		out_row_header();
		out_text_note("No vGPU.");
	}
	out_table_end();
	return done();
}

static const struct smi_engine_stats *
find_engine(const struct smi_stats *st, const char *name)
{
	unsigned int i;

	for (i = 0; st->valid && i < st->num_engines; i++)
		if (!strcmp(st->engine[i].name, name))
			return &st->engine[i];
	return NULL;
}

/* the percentage of @dt that @a..@b is */
static void out_share(const char *key, __u64 a, __u64 b, __u64 dt,
		      bool valid, unsigned int flags)
{
	valid = valid && dt && b >= a;
	out_dbl(key, valid ? 100.0 * (double)(b - a) / (double)dt : 0, 1,
		valid, flags);
}

static void sleep_ns(__u64 ns)
{
	struct timespec ts = {
		.tv_sec = ns / 1000000000u,
		.tv_nsec = ns % 1000000000u,
	};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static void out_stat(const char *key, __u64 val, bool valid)
{
	if (valid)
		out_u64(key, val, 0);
	else
		out_null(key, 0);
}

static void out_query_row(const struct smi_pgpu *p, const struct smi_vgpu *v,
			  const struct smi_stats *before, __u64 t0,
			  const struct smi_stats *ref, unsigned int sample_ms)
{
	const struct smi_stats *st = &v->stats;
	const struct smi_engine_stats *e, *e0;
	bool ok = st->valid, util;
	__u64 dt = v->stats_ns - t0;
	unsigned int i;
	char key[48];

	out_row();
	out_u64("pgpu", v->pgpu, 0);
	out_str("device", p->name, 0);
	out_u64("vgpu", v->id, 0);
	out_str("uuid", v->uuid, 0);
	out_u64("type_id", v->type.id, 0);
	out_opt_str("type", v->type.name, 0);
	out_opt_str("class", v->type.class, 0);
	out_u64("fb_mib", v->type.fb_mib, 0);
	out_u64("bar1_mib", v->type.bar1_mib, 0);
	out_u64("channels", v->type.channels, 0);
	out_str("state", v->state, 0);
	out_owner(v);
	out_u64("weight", v->weight, 0);
	out_u64("exec_quantum_us", v->exec_quantum_us, 0);
	out_u64("preempt_timeout_us", v->preempt_timeout_us, 0);
	out_u64("irqs_delivered", v->irqs_delivered, 0);
	out_u64("channel_errors", v->channel_errors, 0);
	out_str("policy", ok ? st->policy : NULL, 0);
	out_stat("slices", st->slices, ok);
	out_stat("granted_ns", st->granted_ns, ok);
	out_stat("wait_ns", st->wait_ns, ok);
	out_stat("idle_ns", st->idle_ns, ok);
	out_stat("preemptions", st->preemptions, ok);
	out_stat("preempt_ns", st->preempt_ns, ok);
	out_stat("preempt_timeouts", st->preempt_timeouts, ok);
	for (i = 0; i < ref->num_engines; i++) {
		e = find_engine(st, ref->engine[i].name);
		snprintf(key, sizeof(key), "%s_busy_ns", ref->engine[i].name);
		out_stat(key, e ? e->busy_ns : 0, e);
		snprintf(key, sizeof(key), "%s_jobs", ref->engine[i].name);
		out_stat(key, e ? e->jobs : 0, e);
		snprintf(key, sizeof(key), "%s_ctxsw_ns", ref->engine[i].name);
		out_stat(key, e ? e->ctxsw_ns : 0, e);
	}

	util = sample_ms && ok && before->valid;
	out_u64("sample_ms", sample_ms, 0);
	out_share("granted_pct", before->granted_ns, st->granted_ns, dt, util,
		  0);
	for (i = 0; i < ref->num_engines; i++) {
		e = find_engine(st, ref->engine[i].name);
		e0 = find_engine(before, ref->engine[i].name);
		snprintf(key, sizeof(key), "%s_pct", ref->engine[i].name);
		out_share(key, e0 ? e0->busy_ns : 0, e ? e->busy_ns : 0, dt,
			  util && e && e0, 0);
	}
	out_row_end();
}

/* the engines of the first vGPU that has sched_stats: the columns */
static const struct smi_stats *ref_stats(struct smi_vgpu **v, unsigned int n)
{
	static const struct smi_stats none;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (v[i]->stats.valid)
			return &v[i]->stats;
	return &none;
}

/* the vGPUs named in @o->args, or those of the wanted pgpus */
static int pick_vgpus(struct smi_system *sys, const struct opts *o,
		      struct smi_vgpu ***list, unsigned int *num)
{
	struct smi_vgpu **v, *found;
	unsigned int i, j, n = 0;

	for (i = 0; i < sys->num_pgpus; i++)
		n += sys->pgpus[i].num_vgpus;
	v = calloc(n + o->num_args + 1, sizeof(*v));
	if (!v) {
		error("out of memory");
		return SMI_EXIT_ERROR;
	}
	n = 0;
	for (i = 0; i < (unsigned int)o->num_args; i++) {
		found = smi_find_vgpu(sys, o->args[i]);
		if (!found || ((o->given & O_ID) && found->pgpu != o->pgpu)) {
			error("no vGPU %s%s", o->args[i],
			      (o->given & O_ID) ? " on that pgpu" : "");
			free(v);
			return SMI_EXIT_NOT_FOUND;
		}
		v[n++] = found;
	}
	for (i = 0; !o->num_args && i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];

		for (j = 0; want(o, p) && j < p->num_vgpus; j++)
			v[n++] = &sys->pgpus[i].vgpus[j];
	}
	*list = v;
	*num = n;
	return 0;
}

/* query: each vGPU in detail, with its utilization over --sample-ms */
static int cmd_query(struct smi_system *sys, const struct opts *o)
{
	unsigned int sample_ms = (o->given & O_SAMPLE) ? o->sample_ms : 100;
	const struct smi_stats *ref;
	struct smi_stats *before;
	struct smi_vgpu **v;
	unsigned int i, n;
	__u64 *t0;
	int ret;

	ret = pick_vgpus(sys, o, &v, &n);
	if (ret)
		return ret;
	before = calloc(n + 1, sizeof(*before));
	t0 = calloc(n + 1, sizeof(*t0));
	if (!before || !t0) {
		error("out of memory");
		ret = SMI_EXIT_ERROR;
		goto out;
	}
	for (i = 0; i < n; i++) {
		smi_read_stats(v[i]);
		before[i] = v[i]->stats;
		t0[i] = v[i]->stats_ns;
	}
	if (n && sample_ms) {
		sleep_ns(sample_ms * 1000000ull);
		for (i = 0; i < n; i++)
			smi_read_stats(v[i]);
	}

	ref = ref_stats(v, n);
	out_begin();
	out_table("vgpus", OUT_PRIMARY | OUT_BLOCKS);
	for (i = 0; i < n; i++)
		out_query_row(smi_find_pgpu(sys, v[i]->pgpu), v[i], &before[i],
			      t0[i], ref, sample_ms);
	if (!n)
		out_text_note("No vGPU.");
	out_table_end();
	ret = done();
out:
	free(t0);
	free(before);
	free(v);
	return ret;
}

static void out_type(unsigned int pgpu, const struct smi_type *t)
{
	out_row();
	out_u64("pgpu", pgpu, 0);
	out_u64("type_id", t->id, 0);
	out_str("name", t->name, 0);
	out_opt_str("class", t->class, 0);
	out_u64("fb_mib", t->fb_mib, 0);
	out_u64("bar1_mib", t->bar1_mib, 0);
	out_u64("channels", t->channels, 0);
	out_u64("max_instances", t->max_instances, 0);
	out_opt_str("device", t->device, 0);
	out_opt_str("subsystem", t->subsystem, 0);
	out_u64("vgpus", t->in_use, 0);
	if (t->available < 0)
		out_null("available_instances", 0);
	else
		out_s64("available_instances", t->available, 0);
}

/* types: every vGPU type of the wanted pgpus, as nvidia-smi vgpu -s/-c */
static int cmd_types(struct smi_system *sys, const struct opts *o)
{
	bool creatable = o->given & O_CREATABLE;
	unsigned int i, j, parents = 0, n = 0;

	for (i = 0; i < sys->num_pgpus; i++) {
		if (!want(o, &sys->pgpus[i]))
			continue;
		if (sys->pgpus[i].vfio) {
			parents++;
		} else if (o->given & O_ID) {
			error("pgpu %u has no vGPU types: nvvgpu_vfio is not bound to it",
			      o->pgpu);
			return SMI_EXIT_NOT_AVAILABLE;
		}
	}
	if (!parents) {
		error("no vGPU types: nvvgpu_vfio is not loaded");
		return SMI_EXIT_NOT_AVAILABLE;
	}

	out_begin();
	out_table("types", OUT_PRIMARY);
	for (i = 0; i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];

		for (j = 0; want(o, p) && j < p->num_types; j++) {
			const struct smi_type *t = &p->types[j];

			if (creatable && t->available <= 0)
				continue;
			out_type(p->id, t);
			out_row_end();
			n++;
		}
	}
	if (!n) {
		static const struct smi_type none;

		out_type(0, &none);
		out_row_header();
		out_text_note(creatable ? "No vGPU type can be created." :
					  "No vGPU type.");
	}
	out_table_end();
	return done();
}

/* the wanted pgpus that have a scheduler; an error if there is none */
static int sched_pgpus(struct smi_system *sys, const struct opts *o)
{
	unsigned int i, n = 0;

	for (i = 0; i < sys->num_pgpus; i++) {
		if (!want(o, &sys->pgpus[i]))
			continue;
		if (sys->pgpus[i].sched.present) {
			n++;
		} else if (o->given & O_ID) {
			error("pgpu %u has no scheduler: nvvgpu_sched is not attached to it",
			      o->pgpu);
			return SMI_EXIT_NOT_AVAILABLE;
		}
	}
	if (!n) {
		error("no scheduler: nvvgpu_sched is not loaded");
		return SMI_EXIT_NOT_AVAILABLE;
	}
	return 0;
}

/* sched: the scheduler state, as nvidia-smi vgpu -ss */
static int cmd_sched(struct smi_system *sys, const struct opts *o)
{
	unsigned int i, j;
	int ret;

	ret = sched_pgpus(sys, o);
	if (ret)
		return ret;
	out_begin();
	out_table("pgpus", OUT_PRIMARY | OUT_BLOCKS);
	for (i = 0; i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];
		const struct smi_sched *s = &p->sched;

		if (!want(o, p) || !s->present)
			continue;
		out_row();
		out_u64("pgpu", p->id, 0);
		out_str("device", p->name, 0);
		out_opt_str("scheduler", p->provider[SMI_SCHEDULER], 0);
		out_str("policy", s->policy, 0);
		out_str("available_policies", s->available, 0);
		out_u64("timeslice_us", s->timeslice_us, 0);
		out_u64("arr_avg_factor", s->arr_avg_factor, 0);
		out_u64("arr_frequency", s->arr_frequency, 0);
		out_u64("arr_timeslice_min_us", s->arr_timeslice_min_us, 0);
		out_u64("arr_timeslice_max_us", s->arr_timeslice_max_us, 0);
		out_u64("host_weight", s->host_weight, 0);
		out_u64("switches", s->switches, 0);
		out_row_end();
	}
	out_table_end();

	out_table("vgpus", 0);
	for (i = 0; i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];

		if (!want(o, p) || !p->sched.present)
			continue;
		for (j = 0; j < p->num_vgpus; j++) {
			const struct smi_vgpu *v = &p->vgpus[j];

			out_row();
			out_u64("pgpu", p->id, 0);
			out_u64("vgpu", v->id, 0);
			out_str("uuid", v->uuid, 0);
			out_str("state", v->state, 0);
			out_u64("weight", v->weight, 0);
			out_u64("exec_quantum_us", v->exec_quantum_us, 0);
			out_u64("preempt_timeout_us", v->preempt_timeout_us, 0);
			out_row_end();
		}
	}
	out_table_end();
	return done();
}

struct log_row {
	const struct smi_pgpu *pgpu;
	struct smi_log_entry e;
};

struct log_rows {
	struct log_row *row;
	size_t num;
	size_t size;
};

static int log_add(struct log_rows *rows, const struct smi_pgpu *p,
		   const struct smi_log_entry *e)
{
	struct log_row *r;

	if (rows->num == rows->size) {
		rows->size = rows->size ? rows->size * 2 : 256;
		r = realloc(rows->row, rows->size * sizeof(*r));
		if (!r)
			return -ENOMEM;
		rows->row = r;
	}
	rows->row[rows->num].pgpu = p;
	rows->row[rows->num++].e = *e;
	return 0;
}

static bool same_entry(const struct smi_log_entry *a,
		       const struct smi_log_entry *b)
{
	return !strcmp(a->engine, b->engine) &&
	       a->timestamp_ns == b->timestamp_ns &&
	       a->time_run_total_ns == b->time_run_total_ns &&
	       a->time_run_ns == b->time_run_ns && a->swrl_id == b->swrl_id &&
	       a->vgpu == b->vgpu && a->target_slice_ns == b->target_slice_ns &&
	       a->cumulative_preemption_ns == b->cumulative_preemption_ns &&
	       a->cumulative_idle_ns == b->cumulative_idle_ns &&
	       a->weight == b->weight;
}

struct log_reader {
	const struct smi_pgpu *pgpu;
	const char *engine;		/* only this one, or NULL */
	struct log_rows *rows;
	bool *seen_engine;
	struct smi_log_entry last;	/* the last entry taken */
	bool have_last;
	bool chunk_start;		/* no entry taken from this read yet */
	unsigned int bad;
};

/*
 * One line of the log. Each read() of the file returns a snapshot of at
 * most a page, in whole lines: when the log moved between two reads, the
 * second may begin with lines the first returned. Each engine's entries
 * are oldest first, so at the start of a read an entry of the engine last
 * taken that is older than the last one taken, or the very same entry, is
 * such a repeat. Within one read nothing is dropped.
 */
static int log_line(struct log_reader *r, const char *line)
{
	struct smi_log_entry e;
	int ret;

	ret = smi_parse_log_line(line, &e);
	if (ret) {
		r->bad += ret < 0;
		return 0;
	}
	if (r->engine && !strcmp(e.engine, r->engine))
		*r->seen_engine = true;
	if (r->chunk_start && r->have_last &&
	    !strcmp(e.engine, r->last.engine) &&
	    (e.timestamp_ns < r->last.timestamp_ns || same_entry(&e, &r->last)))
		return 0;
	r->chunk_start = false;
	r->last = e;
	r->have_last = true;
	if (r->engine && strcmp(e.engine, r->engine))
		return 0;
	return log_add(r->rows, r->pgpu, &e);
}

/* one pgpu's log into @rows, read by whole pages */
static int log_read(const struct smi_pgpu *p, const char *engine,
		    struct log_rows *rows, bool *seen_engine)
{
	struct log_reader r = {
		.pgpu = p,
		.engine = engine,
		.rows = rows,
		.seen_engine = seen_engine,
	};
	char path[PATH_MAX], buf[2 * 4096 + 1], *line, *nl;
	size_t len = 0;
	ssize_t n;
	int fd, err = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/nvvgpu_sched/log",
			     p->dev) >= sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	for (;;) {
		/* @len bytes of a line the last read did not end */
		n = read(fd, buf + len, 4096);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? -errno : 0;
			break;
		}
		len += n;
		buf[len] = 0;
		r.chunk_start = true;
		for (line = buf; !err && (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = 0;
			err = log_line(&r, line);
		}
		len -= line - buf;
		if (err || len > 4096) {
			err = err ?: -EINVAL;
			break;
		}
		memmove(buf, line, len);
	}
	if (!err && len) {
		buf[len] = 0;
		err = log_line(&r, buf);
	}
	close(fd);
	if (r.bad)
		error("pgpu %u: %u malformed lines in the scheduler log skipped",
		      p->id, r.bad);
	return err;
}

/* the vGPU, host or vacant slots a log entry is about */
static void out_entity(const struct smi_pgpu *p, long id)
{
	unsigned int i;
	char s[32];

	if (id == -1) {
		out_str("entity", "host", 0);
		return;
	}
	if (id == -2) {
		out_str("entity", "vacant", 0);
		return;
	}
	for (i = 0; id >= 0 && i < p->num_vgpus; i++) {
		if (p->vgpus[i].id == (unsigned long)id) {
			out_str("entity", p->vgpus[i].uuid, 0);
			return;
		}
	}
	snprintf(s, sizeof(s), "vgpu %ld", id);
	out_str("entity", s, 0);
}

static void out_log_entry(const struct smi_pgpu *p,
			  const struct smi_log_entry *e)
{
	out_row();
	out_u64("pgpu", p->id, 0);
	out_str("engine", e->engine, 0);
	out_u64("timestamp_ns", e->timestamp_ns, 0);
	out_u64("time_run_total_ns", e->time_run_total_ns, 0);
	out_u64("time_run_ns", e->time_run_ns, 0);
	out_u64("swrl_id", e->swrl_id, 0);
	out_s64("vgpu", e->vgpu, 0);
	out_u64("target_slice_ns", e->target_slice_ns, 0);
	out_u64("cumulative_preemption_ns", e->cumulative_preemption_ns, 0);
	out_u64("cumulative_idle_ns", e->cumulative_idle_ns, 0);
	out_u64("weight", e->weight, 0);
	out_entity(p, e->vgpu);
}

/* log: nvvgpu_sched/log of the wanted pgpus, as nvidia-smi vgpu -sl */
static int cmd_log(struct smi_system *sys, const struct opts *o)
{
	struct log_rows rows = { 0 };
	bool seen = false;
	unsigned int i;
	size_t k;
	int ret, err = 0;

	ret = sched_pgpus(sys, o);
	if (ret)
		return ret;
	for (i = 0; !err && i < sys->num_pgpus; i++) {
		if (!want(o, &sys->pgpus[i]) || !sys->pgpus[i].sched.present)
			continue;
		err = log_read(&sys->pgpus[i], o->engine, &rows, &seen);
		if (err)
			error("pgpu %u: cannot read the scheduler log: %s",
			      sys->pgpus[i].id, strerror(-err));
	}
	if (err) {
		free(rows.row);
		return SMI_EXIT_ERROR;
	}
	if (o->engine && !seen && rows.num == 0) {
		/* an empty log knows no engine: only refuse against entries */
		for (i = 0; i < sys->num_pgpus; i++) {
			struct log_rows all = { 0 };
			bool dummy = false;

			if (!want(o, &sys->pgpus[i]) ||
			    !sys->pgpus[i].sched.present)
				continue;
			if (!log_read(&sys->pgpus[i], NULL, &all, &dummy) &&
			    all.num)
				ret = SMI_EXIT_NOT_FOUND;
			free(all.row);
		}
		if (ret) {
			error("no engine %s in the scheduler log", o->engine);
			return ret;
		}
	}

	out_begin();
	out_table("log", OUT_PRIMARY);
	for (k = 0; k < rows.num; k++) {
		out_log_entry(rows.row[k].pgpu, &rows.row[k].e);
		out_row_end();
	}
	if (!rows.num) {
		static const struct smi_log_entry none;
		static const struct smi_pgpu no_pgpu;

		out_log_entry(&no_pgpu, &none);
		out_row_header();
	}
	if (!rows.num)
		out_text_note("The scheduler log is empty.");
	out_table_end();
	free(rows.row);
	return done();
}

/* the settings of set: a pgpu's file in nvvgpu_sched/, or a vGPU's */
struct smi_key {
	const char *name;
	const char *bulk;	/* a vGPU's: nvvgpu_sched/bulk_<name> */
	const char *range;	/* as documented, for messages */
};

static const struct smi_key smi_keys[] = {
	{ "policy", NULL, "one of available_policies" },
	{ "timeslice_us", NULL, "100..100000" },
	{ "arr_avg_factor", NULL, "1..60" },
	{ "arr_frequency", NULL, "10..10000" },
	{ "arr_timeslice_min_us", NULL,
	  "100..100000, at most arr_timeslice_max_us" },
	{ "arr_timeslice_max_us", NULL,
	  "100..100000, at least arr_timeslice_min_us" },
	{ "host_weight", NULL, "1..100" },
	{ "weight", "bulk_weight", "1..100" },
	{ "exec_quantum_us", "bulk_exec_quantum_us", "0 or 100..100000" },
	{ "preempt_timeout_us", "bulk_preempt_timeout_us",
	  "0 or 1000..10000000" },
};

#define SMI_MAX_SETTINGS	ARRAY_SIZE(smi_keys)

struct setting {
	const struct smi_key *key;
	const char *val;
};

struct set_result {
	char target[48];
	const char *key;
	char val[48];
};

static int set_status(int err)
{
	switch (-err) {
	case EINVAL:
	case ERANGE:
		return SMI_EXIT_USAGE;
	case EACCES:
	case EPERM:
	case EROFS:
		return SMI_EXIT_PERMISSION;
	case ENOENT:
	case ENODEV:
		return SMI_EXIT_NOT_AVAILABLE;
	default:
		return SMI_EXIT_ERROR;
	}
}

/* a word of a space-separated list */
static bool listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (!p[n] || p[n] == ' '))
			return true;
	return false;
}

static int parse_settings(const struct opts *o, struct setting *set,
			  unsigned int *num_set, const char **uuid,
			  unsigned int *num_uuid)
{
	const struct smi_key *key;
	unsigned int i, j, val;
	char *arg, *eq;
	int err;

	*num_set = 0;
	*num_uuid = 0;
	for (i = 0; i < (unsigned int)o->num_args; i++) {
		arg = o->args[i];
		if (smi_is_uuid(arg)) {
			uuid[(*num_uuid)++] = arg;
			continue;
		}
		eq = strchr(arg, '=');
		if (!eq)
			return usage_error("set: '%s' is neither a UUID nor KEY=VALUE",
					   arg);
		key = NULL;
		for (j = 0; j < ARRAY_SIZE(smi_keys); j++)
			if (strlen(smi_keys[j].name) == (size_t)(eq - arg) &&
			    !strncmp(smi_keys[j].name, arg, eq - arg))
				key = &smi_keys[j];
		if (!key)
			return usage_error("set: unknown setting '%.*s'",
					   (int)(eq - arg), arg);
		for (j = 0; j < *num_set; j++)
			if (set[j].key == key)
				return usage_error("set: %s given twice",
						   key->name);
		if (key != &smi_keys[0]) {
			err = smi_parse_uint(eq + 1, &val);
			if (err)
				return usage_error("set: %s: '%s' is not a number in 0..%u",
						   key->name, eq + 1, UINT_MAX);
		} else if (!eq[1] || strpbrk(eq + 1, " \t\n")) {
			return usage_error("set: policy: '%s' is no policy name",
					   eq + 1);
		}
		set[*num_set].key = key;
		set[(*num_set)++].val = eq + 1;
	}
	if (!*num_set)
		return usage_error("set: nothing to set: give KEY=VALUE");
	if (*num_uuid && (o->given & O_ID))
		return usage_error("set: give -i PGPU or UUIDs, not both");
	for (j = 0; *num_uuid && j < *num_set; j++)
		if (!set[j].key->bulk)
			return usage_error("set: %s is the pgpu's: use -i PGPU, not a UUID",
					   set[j].key->name);
	return 0;
}

static int set_one(const char *dir, const char *file, const char *target,
		   const struct setting *s, bool read_back,
		   struct set_result *res)
{
	char path[PATH_MAX];
	int err;

	snprintf(res->target, sizeof(res->target), "%s", target);
	res->key = s->key->name;
	snprintf(res->val, sizeof(res->val), "%s", s->val);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, file) >=
	    sizeof(path))
		return -ENAMETOOLONG;
	err = smi_write_text(path, s->val);
	if (err) {
		error("%s: %s=%s refused: %s (valid: %s)", target,
		      s->key->name, s->val, strerror(-err), s->key->range);
		return err;
	}
	if (read_back && smi_read_text(path, res->val, sizeof(res->val)) < 0)
		snprintf(res->val, sizeof(res->val), "%s", s->val);
	return 0;
}

/*
 * The order of a pgpu's writes: as given, except that moving ARR's window
 * past its maximum writes the maximum first (the kernel checks each bound
 * against the other's current value).
 */
static void order_settings(const struct smi_pgpu *p, struct setting *set,
			   unsigned int n)
{
	unsigned int i, min = n, max = n, v;
	struct setting tmp;

	for (i = 0; i < n; i++) {
		if (!strcmp(set[i].key->name, "arr_timeslice_min_us"))
			min = i;
		if (!strcmp(set[i].key->name, "arr_timeslice_max_us"))
			max = i;
	}
	if (min == n || max == n || smi_parse_uint(set[min].val, &v))
		return;
	/* the maximum first if the minimum goes beyond it, else the minimum */
	if (v > p->sched.arr_timeslice_max_us ? min < max : max < min) {
		tmp = set[min];
		set[min] = set[max];
		set[max] = tmp;
	}
}

/* set: write the settings, then show what the files read */
static int cmd_set(struct smi_system *sys, const struct opts *o)
{
	struct setting set[SMI_MAX_SETTINGS], ord[SMI_MAX_SETTINGS];
	unsigned int num_set, num_uuid, i, j, n = 0, max;
	struct set_result *res;
	struct smi_vgpu *v;
	const char **uuid;
	char target[48];
	int ret, err = 0;

	uuid = calloc(o->num_args + 1, sizeof(*uuid));
	if (!uuid) {
		error("out of memory");
		return SMI_EXIT_ERROR;
	}
	ret = parse_settings(o, set, &num_set, uuid, &num_uuid);
	if (ret)
		goto out_uuid;
	for (i = 0; i < num_uuid; i++) {
		if (!smi_find_vgpu(sys, uuid[i])) {
			error("no vGPU %s", uuid[i]);
			ret = SMI_EXIT_NOT_FOUND;
			goto out_uuid;
		}
	}
	if (!num_uuid) {
		ret = sched_pgpus(sys, o);
		if (ret)
			goto out_uuid;
	}
	/* a policy that some target pgpu does not offer is a bad argument */
	for (i = 0; !num_uuid && i < num_set; i++) {
		if (set[i].key != &smi_keys[0])
			continue;
		for (j = 0; j < sys->num_pgpus; j++) {
			const struct smi_sched *s = &sys->pgpus[j].sched;

			if (!want(o, &sys->pgpus[j]) || !s->present ||
			    listed(s->available, set[i].val))
				continue;
			ret = usage_error("set: pgpu %u has no policy '%s' (%s)",
					  sys->pgpus[j].id, set[i].val,
					  s->available);
			goto out_uuid;
		}
	}

	max = num_set * (num_uuid ? num_uuid : sys->num_pgpus);
	res = calloc(max + 1, sizeof(*res));
	if (!res) {
		error("out of memory");
		ret = SMI_EXIT_ERROR;
		goto out_uuid;
	}
	for (i = 0; !err && i < num_uuid; i++) {
		v = smi_find_vgpu(sys, uuid[i]);
		for (j = 0; !err && j < num_set; j++) {
			err = set_one(v->dir, set[j].key->name, v->uuid,
				      &set[j], true, &res[n]);
			n += !err;
		}
	}
	for (i = 0; !err && !num_uuid && i < sys->num_pgpus; i++) {
		const struct smi_pgpu *p = &sys->pgpus[i];
		char dir[PATH_MAX];

		if (!want(o, p) || !p->sched.present)
			continue;
		snprintf(target, sizeof(target), "pgpu %u", p->id);
		if ((size_t)snprintf(dir, sizeof(dir), "%s/nvvgpu_sched",
				     p->dev) >= sizeof(dir)) {
			err = -ENAMETOOLONG;
			break;
		}
		memcpy(ord, set, sizeof(set));
		order_settings(p, ord, num_set);
		for (j = 0; !err && j < num_set; j++) {
			const struct smi_key *k = ord[j].key;

			err = set_one(dir, k->bulk ?: k->name, target, &ord[j],
				      !k->bulk, &res[n]);
			n += !err;
		}
	}

	out_begin();
	out_table("set", OUT_PRIMARY);
	for (i = 0; i < n; i++) {
		out_row();
		out_str("target", res[i].target, 0);
		out_str("key", res[i].key, 0);
		out_str("value", res[i].val, 0);
		out_row_end();
	}
	out_table_end();
	ret = done();
	if (err) {
		ret = set_status(err);
		if (n)
			error("%u setting%s made before that stay%s", n,
			      n == 1 ? "" : "s", n == 1 ? "s" : "");
	}
	free(res);
out_uuid:
	free(uuid);
	return ret;
}

/*
 * Wait until CLOCK_MONOTONIC @deadline for one of the blocked signals
 * @sigs (SIGINT, SIGTERM), which may be pending already: also when the
 * deadline has passed. Return: true if one came.
 */
static bool wait_until(__u64 deadline, const sigset_t *sigs)
{
	struct timespec ts;
	__u64 now, left;

	for (;;) {
		now = smi_now_ns();
		left = deadline > now ? deadline - now : 0;
		ts.tv_sec = left / 1000000000u;
		ts.tv_nsec = left % 1000000000u;
		if (sigtimedwait(sigs, NULL, &ts) > 0)
			return true;
		if (errno != EINTR && smi_now_ns() >= deadline)
			return false;
	}
}

static bool monitored(const struct opts *o, const struct smi_vgpu *v)
{
	int i;

	if ((o->given & O_ID) && v->pgpu != o->pgpu)
		return false;
	for (i = 0; i < o->num_args; i++)
		if (!strcasecmp(o->args[i], v->uuid))
			return true;
	return !o->num_args;
}

/* a raw difference, for scripts: not in text */
static void out_delta(const char *key, __u64 val, bool valid)
{
	if (valid)
		out_u64(key, val, OUT_NOTEXT);
	else
		out_null(key, OUT_NOTEXT);
}

static void out_monitor_row(const struct smi_vgpu *v,
			    const struct smi_vgpu *prev,
			    const struct smi_stats *ref, double time_s)
{
	const struct smi_stats *a = &prev->stats, *b = &v->stats;
	const struct smi_engine_stats *ea, *eb;
	__u64 dt = v->stats_ns - prev->stats_ns;
	bool ok = a->valid && b->valid;
	unsigned int i;
	char key[48];

	out_row();
	out_dbl("time_s", time_s, 3, true, 0);
	out_u64("pgpu", v->pgpu, 0);
	out_u64("vgpu", v->id, 0);
	out_str("uuid", v->uuid, 0);
	out_str("state", v->state, 0);
	out_u64("interval_ns", dt, OUT_NOTEXT);
	out_stat("slices", b->slices - a->slices, ok && b->slices >= a->slices);
	out_share("granted_pct", a->granted_ns, b->granted_ns, dt, ok, 0);
	for (i = 0; i < ref->num_engines; i++) {
		ea = find_engine(a, ref->engine[i].name);
		eb = find_engine(b, ref->engine[i].name);
		snprintf(key, sizeof(key), "%s_pct", ref->engine[i].name);
		out_share(key, ea ? ea->busy_ns : 0, eb ? eb->busy_ns : 0, dt,
			  ok && ea && eb, 0);
	}
	for (i = 0; i < ref->num_engines; i++) {
		ea = find_engine(a, ref->engine[i].name);
		eb = find_engine(b, ref->engine[i].name);
		ok = ea && eb && eb->busy_ns >= ea->busy_ns;
		snprintf(key, sizeof(key), "%s_busy_ns", ref->engine[i].name);
		out_delta(key, ok ? eb->busy_ns - ea->busy_ns : 0, ok);
		ok = ea && eb && eb->jobs >= ea->jobs;
		snprintf(key, sizeof(key), "%s_jobs", ref->engine[i].name);
		out_delta(key, ok ? eb->jobs - ea->jobs : 0, ok);
	}
	out_row_end();
}

static const struct smi_vgpu *find_in(const struct smi_system *sys,
				      const char *uuid)
{
	return smi_find_vgpu((struct smi_system *)sys, uuid);
}

/* the engines of the first monitored vGPU that has sched_stats */
static bool monitor_ref(const struct smi_system *sys, const struct opts *o,
			struct smi_stats *ref)
{
	unsigned int i, j;

	for (i = 0; i < sys->num_pgpus; i++) {
		for (j = 0; j < sys->pgpus[i].num_vgpus; j++) {
			const struct smi_vgpu *v = &sys->pgpus[i].vgpus[j];

			if (monitored(o, v) && v->stats.valid) {
				*ref = v->stats;
				return true;
			}
		}
	}
	return false;
}

/*
 * monitor: every interval, each vGPU's share of the interval it held the
 * GPU and each engine ran its work, from two reads of its sched_stats
 */
static int cmd_monitor(struct smi_system *sys, const struct opts *o)
{
	__u64 interval = llround((o->given & O_LOOP ? o->loop_s : 1) * 1e9);
	sigset_t sigs;
	struct smi_system cur, prev = *sys;
	bool have_ref, owned = false;
	struct smi_stats ref;
	unsigned long n;
	__u64 start, next;
	unsigned int i, j;
	int i_arg, ret, err = 0;
	double time_s;

	for (i_arg = 0; i_arg < o->num_args; i_arg++) {
		const struct smi_vgpu *v = smi_find_vgpu(sys, o->args[i_arg]);

		if (!v || !monitored(o, v)) {
			error("no vGPU %s%s", o->args[i_arg],
			      (o->given & O_ID) ? " on that pgpu" : "");
			return SMI_EXIT_NOT_FOUND;
		}
	}
	/* SIGINT and SIGTERM end the loop, and the output, cleanly */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigprocmask(SIG_BLOCK, &sigs, NULL);

	have_ref = monitor_ref(&prev, o, &ref);
	start = smi_now_ns();
	next = start;
	out_begin();
	out_table("utilization", OUT_PRIMARY | OUT_STREAM);
	for (n = 0; !o->count || n < o->count; n++) {
		/* a report late by more than an interval: skip to now */
		next += interval;
		if (next + interval < smi_now_ns())
			next = smi_now_ns();
		if (wait_until(next, &sigs))
			break;
		/* the report's time: when its reads began */
		time_s = (double)(smi_now_ns() - start) / 1e9;
		err = smi_scan(&cur, o->root, SMI_SCAN_VGPUS | SMI_SCAN_STATS);
		if (err) {
			smi_free(&cur);
			error("cannot read sysfs: %s", strerror(-err));
			break;
		}
		if (!have_ref)
			have_ref = monitor_ref(&cur, o, &ref);
		for (i = 0; have_ref && i < cur.num_pgpus; i++) {
			for (j = 0; j < cur.pgpus[i].num_vgpus; j++) {
				const struct smi_vgpu *v, *pv;

				v = &cur.pgpus[i].vgpus[j];
				pv = find_in(&prev, v->uuid);
				if (monitored(o, v) && pv)
					out_monitor_row(v, pv, &ref, time_s);
			}
		}
		if (owned)
			smi_free(&prev);
		prev = cur;
		owned = true;
	}
	out_table_end();
	if (owned)
		smi_free(&prev);
	ret = done();
	return err ? SMI_EXIT_ERROR : ret;
}

static const struct smi_cmd smi_cmds[] = {
	{ "list", cmd_list, O_ID, SMI_SCAN_TYPES | SMI_SCAN_VGPUS |
	  SMI_SCAN_SCHED, false },
	{ "query", cmd_query, O_ID | O_SAMPLE, SMI_SCAN_TYPES | SMI_SCAN_VGPUS |
	  SMI_SCAN_SCHED, true },
	{ "types", cmd_types, O_ID | O_CREATABLE, SMI_SCAN_TYPES |
	  SMI_SCAN_VGPUS, false },
	{ "sched", cmd_sched, O_ID, SMI_SCAN_VGPUS | SMI_SCAN_SCHED, false },
	{ "log", cmd_log, O_ID | O_ENGINE, SMI_SCAN_VGPUS | SMI_SCAN_SCHED,
	  false },
	{ "set", cmd_set, O_ID, SMI_SCAN_VGPUS | SMI_SCAN_SCHED, true },
	{ "monitor", cmd_monitor, O_ID | O_LOOP | O_COUNT,
	  SMI_SCAN_VGPUS | SMI_SCAN_STATS, true },
};

static const struct {
	unsigned int bit;
	const char *name;
} smi_opt_names[] = {
	{ O_ID, "-i/--id" },
	{ O_LOOP, "-l/--loop" },
	{ O_COUNT, "-c/--count" },
	{ O_ENGINE, "-e/--engine" },
	{ O_CREATABLE, "--creatable" },
	{ O_SAMPLE, "--sample-ms" },
};

enum { OPT_CSV = 256, OPT_JSON, OPT_ROOT, OPT_CREATABLE, OPT_SAMPLE };

static const struct option smi_long_opts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "format", required_argument, NULL, 'f' },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "id", required_argument, NULL, 'i' },
	{ "loop", required_argument, NULL, 'l' },
	{ "count", required_argument, NULL, 'c' },
	{ "engine", required_argument, NULL, 'e' },
	{ "creatable", no_argument, NULL, OPT_CREATABLE },
	{ "sample-ms", required_argument, NULL, OPT_SAMPLE },
	{ NULL, 0, NULL, 0 },
};

/* Return: 0 to go on, -1 to exit 0 (help, version), else an exit status */
static int parse_args(int argc, char **argv, struct opts *o,
		      const struct smi_cmd **cmd)
{
	__u64 v;
	unsigned int i;
	char *end;
	int c;

	memset(o, 0, sizeof(*o));
	o->root = getenv("NVVGPU_SMI_SYSFS");
	if (!o->root || !*o->root)
		o->root = "/sys";
	o->args = calloc(argc + 1, sizeof(*o->args));
	if (!o->args) {
		error("out of memory");
		return SMI_EXIT_ERROR;
	}
	/* options anywhere; the first other word is the command */
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, "-:hVf:i:l:c:e:", smi_long_opts,
				NULL);
		if (c == -1) {
			if (optind >= argc)
				break;
			/* after "--" */
			c = 1;
			optarg = argv[optind++];
		}
		switch (c) {
		case 1:
			if (*cmd) {
				o->args[o->num_args++] = optarg;
				break;
			}
			for (i = 0; i < ARRAY_SIZE(smi_cmds); i++)
				if (!strcmp(optarg, smi_cmds[i].name))
					*cmd = &smi_cmds[i];
			if (!*cmd)
				return usage_error("unknown command '%s'",
						   optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		case 'V':
			printf("nvvgpu-smi %s\n", SMI_VERSION);
			return -1;
		case 'f':
			if (!strcmp(optarg, "text"))
				o->fmt = SMI_FMT_TEXT;
			else if (!strcmp(optarg, "csv"))
				o->fmt = SMI_FMT_CSV;
			else if (!strcmp(optarg, "json"))
				o->fmt = SMI_FMT_JSON;
			else
				return usage_error("unknown format '%s': text, csv or json",
						   optarg);
			break;
		case OPT_CSV:
			o->fmt = SMI_FMT_CSV;
			break;
		case OPT_JSON:
			o->fmt = SMI_FMT_JSON;
			break;
		case OPT_ROOT:
			if (!*optarg)
				return usage_error("--root: an empty path");
			o->root = optarg;
			break;
		case 'i':
			if (smi_parse_uint(optarg, &o->pgpu))
				return usage_error("-i: '%s' is not a pgpu number",
						   optarg);
			o->given |= O_ID;
			break;
		case 'l':
			errno = 0;
			o->loop_s = strtod(optarg, &end);
			if (errno || end == optarg || *end ||
			    !isfinite(o->loop_s) || o->loop_s < 0.01 ||
			    o->loop_s > 86400)
				return usage_error("-l: '%s' is not in 0.01..86400 seconds",
						   optarg);
			o->given |= O_LOOP;
			break;
		case 'c':
			if (smi_parse_uint(optarg, &i) || !i)
				return usage_error("-c: '%s' is not a count of 1 or more",
						   optarg);
			o->count = i;
			o->given |= O_COUNT;
			break;
		case 'e':
			if (!*optarg || strlen(optarg) >= 16)
				return usage_error("-e: '%s' is no engine name",
						   optarg);
			o->engine = optarg;
			o->given |= O_ENGINE;
			break;
		case OPT_CREATABLE:
			o->given |= O_CREATABLE;
			break;
		case OPT_SAMPLE:
			if (smi_parse_u64(optarg, &v) || v > 60000)
				return usage_error("--sample-ms: '%s' is not in 0..60000",
						   optarg);
			o->sample_ms = v;
			o->given |= O_SAMPLE;
			break;
		case ':':
			return usage_error("option %s needs a value",
					   argv[optind - 1]);
		default:
			if (optopt > 0 && optopt < 256)
				return usage_error("unknown option -%c", optopt);
			return usage_error("unknown option %s",
					   argv[optind - 1]);
		}
	}
	if (!*cmd)
		*cmd = &smi_cmds[0];
	for (i = 0; i < ARRAY_SIZE(smi_opt_names); i++)
		if ((o->given & smi_opt_names[i].bit) &&
		    !((*cmd)->opts & smi_opt_names[i].bit))
			return usage_error("%s: option %s does not apply",
					   (*cmd)->name, smi_opt_names[i].name);
	if (o->num_args && !(*cmd)->args)
		return usage_error("%s: unexpected argument '%s'",
				   (*cmd)->name, o->args[0]);
	for (c = 0; (*cmd)->run != cmd_set && c < o->num_args; c++)
		if (!smi_is_uuid(o->args[c]))
			return usage_error("%s: '%s' is not a vGPU UUID",
					   (*cmd)->name, o->args[c]);
	return 0;
}

int main(int argc, char **argv)
{
	const struct smi_cmd *cmd = NULL;
	struct smi_system sys;
	struct opts o;
	int ret, err;

	ret = parse_args(argc, argv, &o, &cmd);
	if (ret) {
		free(o.args);
		return ret < 0 ? SMI_EXIT_OK : ret;
	}
	if (!smi_loaded(o.root)) {
		error("the nvvgpu modules are not loaded: no %s/module/nvvgpu_core",
		      o.root);
		free(o.args);
		return SMI_EXIT_NOT_LOADED;
	}
	err = smi_scan(&sys, o.root, cmd->scan);
	if (err) {
		error("cannot read %s: %s", o.root, strerror(-err));
		ret = SMI_EXIT_ERROR;
	} else if (!sys.num_pgpus) {
		error("no physical GPU is ready: load a backend (nvvgpu_sim), nvvgpu_gsp");
		ret = SMI_EXIT_NOT_FOUND;
	} else if ((o.given & O_ID) && !smi_find_pgpu(&sys, o.pgpu)) {
		error("no pgpu %u", o.pgpu);
		ret = SMI_EXIT_NOT_FOUND;
	} else {
		out_init(o.fmt, stdout);
		ret = cmd->run(&sys, &o);
	}
	smi_free(&sys);
	free(o.args);
	return ret;
}
