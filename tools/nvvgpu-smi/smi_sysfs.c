// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu-smi: the documented sysfs ABI read into a model of the pgpus, their
 * vGPU types, vGPUs and scheduler (Documentation/ABI/testing/
 * sysfs-bus-mdev-nvvgpu and sysfs-nvvgpu-sched). Never debugfs.
 *
 * Where things are, under the sysfs root (/sys):
 *
 * - bus/auxiliary/devices/nvvgpu_core.{vfio,drm}.<id>: the client devices
 *   the core creates for every ready pgpu <id>; their parent directory is
 *   the pgpu's device (devices/platform/nvvgpu_sim.<i>, or a PCI device)
 * - <pgpu device>/nvvgpu_providers/: the providers it runs
 * - <pgpu device>/nvvgpu_sched/: the scheduler's files, while attached
 * - <mdev parent>/mdev_supported_types/<driver>-<type id>/: the vGPU
 *   types, while nvvgpu_vfio is bound; the mdev parent is the pgpu's
 *   device when that is a PCI device, else nvvgpu_core.vfio.<id>, and
 *   <driver> the name of the parent's driver (the mdev core's prefix):
 *   the PCI driver's, or nvvgpu_vfio
 * - <mdev parent>/<uuid>/nvvgpu/: each vGPU's attributes, and
 *   <uuid>/mdev_type its type
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "smi.h"

/* a decimal number, digits only */
int smi_parse_u64(const char *s, __u64 *val)
{
	__u64 v = 0;
	unsigned int d;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		d = *s - '0';
		if (v > (ULLONG_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	*val = v;
	return 0;
}

int smi_parse_uint(const char *s, unsigned int *val)
{
	__u64 v;
	int err;

	err = smi_parse_u64(s, &v);
	if (err)
		return err;
	if (v > UINT_MAX)
		return -ERANGE;
	*val = v;
	return 0;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* 8-4-4-4-12 hexadecimal digits */
bool smi_is_uuid(const char *s)
{
	unsigned int i;

	for (i = 0; i < SMI_UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!is_hex(s[i])) {
			return false;
		}
	}
	return !s[i];
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\n'))
		*--end = 0;
	return s;
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* copy @src into @dst of @size bytes, cut if need be */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = 0;
}

/* "2048M": MiB */
static int parse_mib(const char *s, __u64 *val)
{
	char num[24];
	size_t n = strlen(s);

	if (!n || s[n - 1] != 'M' || n >= sizeof(num))
		return -EINVAL;
	memcpy(num, s, n - 1);
	num[n - 1] = 0;
	return smi_parse_u64(num, val);
}

/**
 * smi_parse_description() - an mdev type's description
 * @s: "class=Quadro, framebuffer=2048M, max_instance=8, ..."
 * @type: gets the keys it knows; others are ignored (keys may be added)
 *
 * Return: 0, or -EINVAL if a known key's value is malformed.
 */
int smi_parse_description(const char *s, struct smi_type *type)
{
	char buf[512], *p, *pair, *key, *val, *eq;
	int err = 0;

	if (strlen(s) >= sizeof(buf))
		return -EINVAL;
	copy(buf, sizeof(buf), s);
	p = buf;
	while (!err && (pair = strsep(&p, ",")) != NULL) {
		eq = strchr(pair, '=');
		if (!eq)
			continue;
		*eq = 0;
		key = trim(pair);
		val = trim(eq + 1);
		if (!strcmp(key, "class"))
			copy(type->class, sizeof(type->class), val);
		else if (!strcmp(key, "framebuffer"))
			err = parse_mib(val, &type->fb_mib);
		else if (!strcmp(key, "bar1"))
			err = parse_mib(val, &type->bar1_mib);
		else if (!strcmp(key, "max_instance"))
			err = smi_parse_uint(val, &type->max_instances);
		else if (!strcmp(key, "channels"))
			err = smi_parse_uint(val, &type->channels);
		else if (!strcmp(key, "device"))
			copy(type->device, sizeof(type->device), val);
		else if (!strcmp(key, "subsystem"))
			copy(type->subsystem, sizeof(type->subsystem), val);
	}
	return err ? -EINVAL : 0;
}

static struct smi_engine_stats *stats_engine(struct smi_stats *st,
					     const char *key, size_t len)
{
	unsigned int i;

	if (!len || len >= sizeof(st->engine[0].name))
		return NULL;
	for (i = 0; i < st->num_engines; i++)
		if (strlen(st->engine[i].name) == len &&
		    !strncmp(st->engine[i].name, key, len))
			return &st->engine[i];
	if (st->num_engines == SMI_MAX_ENGINES)
		return NULL;
	memcpy(st->engine[i].name, key, len);
	st->engine[i].name[len] = 0;
	st->num_engines++;
	return &st->engine[i];
}

/* key ends with suffix: the length before it, else 0 */
static size_t suffixed(const char *key, const char *suffix)
{
	size_t n = strlen(key), m = strlen(suffix);

	return n > m && !strcmp(key + n - m, suffix) ? n - m : 0;
}

/**
 * smi_parse_stats() - a vGPU's sched_stats
 * @text: "key value" lines
 * @st: filled in; engines in the order of their first line
 *
 * Unknown keys are skipped (keys may be added).
 *
 * Return: 0, or -EINVAL for a line without a value or a malformed number.
 */
int smi_parse_stats(const char *text, struct smi_stats *st)
{
	static const struct {
		const char *key;
		size_t offset;
	} keys[] = {
		{ "slices", offsetof(struct smi_stats, slices) },
		{ "granted_ns", offsetof(struct smi_stats, granted_ns) },
		{ "wait_ns", offsetof(struct smi_stats, wait_ns) },
		{ "idle_ns", offsetof(struct smi_stats, idle_ns) },
		{ "preemptions", offsetof(struct smi_stats, preemptions) },
		{ "preempt_ns", offsetof(struct smi_stats, preempt_ns) },
		{ "preempt_timeouts",
		  offsetof(struct smi_stats, preempt_timeouts) },
	};
	const char *line, *nl;
	char buf[256], *key, *val, *sp;
	struct smi_engine_stats *eng;
	unsigned int i;
	__u64 v;
	size_t n;

	memset(st, 0, sizeof(*st));
	for (line = text; *line; line = nl + (*nl == '\n')) {
		nl = strchrnul(line, '\n');
		if ((size_t)(nl - line) >= sizeof(buf))
			return -EINVAL;
		memcpy(buf, line, nl - line);
		buf[nl - line] = 0;
		key = trim(buf);
		if (!*key)
			continue;
		sp = strchr(key, ' ');
		if (!sp)
			return -EINVAL;
		*sp = 0;
		val = trim(sp + 1);
		if (!strcmp(key, "policy")) {
			copy(st->policy, sizeof(st->policy), val);
			continue;
		}
		if (smi_parse_u64(val, &v))
			return -EINVAL;
		for (i = 0; i < ARRAY_SIZE(keys); i++) {
			if (!strcmp(key, keys[i].key)) {
				*(__u64 *)((char *)st + keys[i].offset) = v;
				break;
			}
		}
		if (i < ARRAY_SIZE(keys))
			continue;
		n = suffixed(key, "_busy_ns");
		if (n) {
			eng = stats_engine(st, key, n);
			if (eng)
				eng->busy_ns = v;
			continue;
		}
		n = suffixed(key, "_jobs");
		if (n) {
			eng = stats_engine(st, key, n);
			if (eng)
				eng->jobs = v;
			continue;
		}
		n = suffixed(key, "_ctxsw_ns");
		if (n) {
			eng = stats_engine(st, key, n);
			if (eng)
				eng->ctxsw_ns = v;
		}
	}
	st->valid = true;
	return 0;
}

/**
 * smi_parse_log_line() - one line of nvvgpu_sched/log
 * @line: the line, white space separated, padded
 * @e: the entry
 *
 * Return: 0 for an entry, 1 for the header or an empty line, -EINVAL
 * for anything else.
 */
int smi_parse_log_line(const char *line, struct smi_log_entry *e)
{
	int n = -1;

	while (*line == ' ')
		line++;
	if (*line == '#' || *line == '\n' || !*line)
		return 1;
	if (sscanf(line, "%15s %llu %llu %llu %llu %ld %llu %llu %llu %llu %n",
		   e->engine, &e->timestamp_ns, &e->time_run_total_ns,
		   &e->time_run_ns, &e->swrl_id, &e->vgpu, &e->target_slice_ns,
		   &e->cumulative_preemption_ns, &e->cumulative_idle_ns,
		   &e->weight, &n) != 10 || n < 0)
		return -EINVAL;
	/* nothing but the padding after the ten fields */
	return line[n] && line[n] != '\n' ? -EINVAL : 0;
}

/**
 * smi_parse_providers() - a file of nvvgpu_providers/
 * @s: the registered providers, the pgpu's in brackets: "[timeslice] fw"
 * @active: gets the bracketed name, "" if none is
 * @size: size of @active
 *
 * Return: 0, or -EINVAL for an unterminated or empty bracket.
 */
int smi_parse_providers(const char *s, char *active, size_t size)
{
	const char *open, *close;

	active[0] = 0;
	open = strchr(s, '[');
	if (!open)
		return 0;
	close = strchr(open, ']');
	if (!close || close == open + 1)
		return -EINVAL;
	copy(active, min_size(size, close - open), open + 1);
	return 0;
}

__u64 smi_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/* snprintf into a path buffer; -ENAMETOOLONG if it does not fit */
static int __printf(3, 4) pathf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/**
 * smi_read_text() - read a small sysfs file
 * @path: the file
 * @buf: gets its text without the trailing newlines, NUL-terminated
 * @size: size of @buf
 *
 * Return: the length, or -errno; -EOVERFLOW if it does not fit.
 */
int smi_read_text(const char *path, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (len < size) {
		n = read(fd, buf + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			break;
		}
		if (!n)
			break;
		len += n;
	}
	close(fd);
	if (err)
		return err;
	if (len == size)
		return -EOVERFLOW;
	while (len && buf[len - 1] == '\n')
		len--;
	buf[len] = 0;
	return len;
}

/**
 * smi_write_text() - write a value to a sysfs file in one write()
 * @path: the file
 * @val: the text
 *
 * Return: 0 or -errno (the kernel's refusal, e.g. -EINVAL).
 */
int smi_write_text(const char *path, const char *val)
{
	size_t len = strlen(val);
	ssize_t n;
	int fd, err = 0;

	/* as the shell's ">" opens it */
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, val, len);
	if (n < 0)
		err = -errno;
	else if ((size_t)n != len)
		err = -EIO;
	if (close(fd) && !err)
		err = -errno;
	return err;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/* nvvgpu_core is loaded: its module directory exists */
bool smi_loaded(const char *root)
{
	char path[PATH_MAX];

	return !pathf(path, sizeof(path), "%s/module/nvvgpu_core", root) &&
	       is_dir(path);
}

static int read_attr(const char *dir, const char *name, char *buf,
		     size_t size)
{
	char path[PATH_MAX];
	int err;

	err = pathf(path, sizeof(path), "%s/%s", dir, name);
	if (err)
		return err;
	err = smi_read_text(path, buf, size);
	return err < 0 ? err : 0;
}

static int read_uint_attr(const char *dir, const char *name,
			  unsigned int *val)
{
	char buf[32];
	int err;

	err = read_attr(dir, name, buf, sizeof(buf));
	return err ?: smi_parse_uint(buf, val);
}

static int read_u64_attr(const char *dir, const char *name, __u64 *val)
{
	char buf[32];
	int err;

	err = read_attr(dir, name, buf, sizeof(buf));
	return err ?: smi_parse_u64(buf, val);
}

/* the last component of the target of a link, or of a path */
static int link_name(const char *path, char *name, size_t size)
{
	char real[PATH_MAX];
	const char *base;

	if (!realpath(path, real))
		return -errno;
	base = strrchr(real, '/');
	copy(name, size, base ? base + 1 : real);
	return 0;
}

static int read_type(const char *dir, struct smi_type *type)
{
	char buf[512];
	long avail = -1;
	__u64 v;
	int err;

	err = read_attr(dir, "name", type->name, sizeof(type->name));
	if (err)
		return err;
	err = read_attr(dir, "description", buf, sizeof(buf));
	if (!err)
		err = smi_parse_description(buf, type);
	if (err)
		return err;
	if (!read_u64_attr(dir, "available_instances", &v) && v <= LONG_MAX)
		avail = v;
	type->available = avail;
	return 0;
}

static int cmp_type(const void *a, const void *b)
{
	const struct smi_type *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int scan_types(struct smi_pgpu *p)
{
	char dir[PATH_MAX], tdir[PATH_MAX];
	struct smi_type *types, t;
	struct dirent *de;
	unsigned int id;
	char *dash;
	DIR *d;
	int n, err = 0;

	err = pathf(dir, sizeof(dir), "%s/mdev_supported_types", p->mdev);
	if (err)
		return err;
	d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while ((de = readdir(d)) != NULL) {
		n = -1;
		/* <driver>-<type id>: the id after the last dash */
		dash = strrchr(de->d_name, '-');
		if (!dash || dash == de->d_name ||
		    sscanf(dash + 1, "%u%n", &id, &n) != 1 || n < 0 ||
		    dash[1 + n] || !isdigit((unsigned char)dash[1]))
			continue;
		memset(&t, 0, sizeof(t));
		t.id = id;
		err = pathf(tdir, sizeof(tdir), "%s/%s", dir, de->d_name);
		if (err)
			break;
		err = read_type(tdir, &t);
		if (err == -ENOENT) {
			err = 0;
			continue;
		}
		if (err)
			break;
		types = realloc(p->types, (p->num_types + 1) * sizeof(*types));
		if (!types) {
			err = -ENOMEM;
			break;
		}
		p->types = types;
		p->types[p->num_types++] = t;
	}
	closedir(d);
	if (!err)
		qsort(p->types, p->num_types, sizeof(*p->types), cmp_type);
	return err;
}

/**
 * smi_read_stats() - (re)read a vGPU's sched_stats
 * @v: the vGPU
 *
 * Return: 0, or -errno with @v->stats.valid false (-ENODEV: no scheduler).
 */
int smi_read_stats(struct smi_vgpu *v)
{
	char buf[4096];
	int err;

	v->stats.valid = false;
	err = read_attr(v->dir, "sched_stats", buf, sizeof(buf));
	v->stats_ns = smi_now_ns();
	if (err)
		return err;
	err = smi_parse_stats(buf, &v->stats);
	if (err)
		v->stats.valid = false;
	return err;
}

static void read_owner(struct smi_vgpu *v)
{
	char buf[32], path[64];
	__u64 pid;

	v->owner_pid = -1;
	v->owner[0] = 0;
	if (read_u64_attr(v->dir, "owner_pid", &pid) || pid > INT_MAX)
		return;
	v->owner_pid = pid;
	if (!pid)
		return;
	snprintf(path, sizeof(path), "/proc/%llu/comm", pid);
	if (smi_read_text(path, buf, sizeof(buf)) >= 0)
		copy(v->owner, sizeof(v->owner), buf);
}

static int read_vgpu(struct smi_pgpu *p, const char *uuid,
		     struct smi_vgpu *v, unsigned int what)
{
	char mdev[PATH_MAX], tdir[PATH_MAX];
	int err;

	memset(v, 0, sizeof(*v));
	copy(v->uuid, sizeof(v->uuid), uuid);
	v->pgpu = p->id;
	err = pathf(mdev, sizeof(mdev), "%s/%s", p->mdev, uuid) ?:
	      pathf(v->dir, sizeof(v->dir), "%s/nvvgpu", mdev);
	if (err)
		return err;
	err = read_uint_attr(v->dir, "vgpu_id", &v->id) ?:
	      read_uint_attr(v->dir, "type_id", &v->type.id) ?:
	      read_attr(v->dir, "state", v->state, sizeof(v->state)) ?:
	      read_uint_attr(v->dir, "weight", &v->weight) ?:
	      read_uint_attr(v->dir, "exec_quantum_us", &v->exec_quantum_us) ?:
	      read_uint_attr(v->dir, "preempt_timeout_us",
			     &v->preempt_timeout_us);
	if (err)
		return err;
	/* counters a vGPU of an older nvvgpu_vfio may lack */
	read_u64_attr(v->dir, "irqs_delivered", &v->irqs_delivered);
	read_u64_attr(v->dir, "channel_errors", &v->channel_errors);
	read_owner(v);

	err = pathf(tdir, sizeof(tdir), "%s/mdev_type", mdev);
	if (err)
		return err;
	v->type.available = -1;
	if (read_type(tdir, &v->type))
		copy(v->type.name, sizeof(v->type.name), "");
	if (what & SMI_SCAN_STATS)
		smi_read_stats(v);
	return 0;
}

static int cmp_vgpu(const void *a, const void *b)
{
	const struct smi_vgpu *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int scan_vgpus(struct smi_pgpu *p, unsigned int what)
{
	char path[PATH_MAX];
	struct smi_vgpu *vgpus;
	struct dirent *de;
	unsigned int i, j;
	DIR *d;
	int err = 0;

	d = opendir(p->mdev);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while ((de = readdir(d)) != NULL) {
		if (!smi_is_uuid(de->d_name))
			continue;
		if (pathf(path, sizeof(path), "%s/%s/nvvgpu", p->mdev,
			  de->d_name) || !is_dir(path))
			continue;
		vgpus = realloc(p->vgpus, (p->num_vgpus + 1) * sizeof(*vgpus));
		if (!vgpus) {
			err = -ENOMEM;
			break;
		}
		p->vgpus = vgpus;
		err = read_vgpu(p, de->d_name, &p->vgpus[p->num_vgpus], what);
		/* removed while we looked */
		if (err == -ENOENT || err == -ENODEV) {
			err = 0;
			continue;
		}
		if (err)
			break;
		p->num_vgpus++;
	}
	closedir(d);
	if (err)
		return err;
	qsort(p->vgpus, p->num_vgpus, sizeof(*p->vgpus), cmp_vgpu);
	for (i = 0; i < p->num_types; i++)
		for (j = 0; j < p->num_vgpus; j++)
			p->types[i].in_use += p->vgpus[j].type.id ==
					      p->types[i].id;
	return 0;
}

static int scan_sched(struct smi_pgpu *p)
{
	struct smi_sched *s = &p->sched;
	char dir[PATH_MAX];
	int err;

	err = pathf(dir, sizeof(dir), "%s/nvvgpu_sched", p->dev);
	if (err)
		return err;
	if (!is_dir(dir))
		return 0;
	err = read_attr(dir, "policy", s->policy, sizeof(s->policy)) ?:
	      read_attr(dir, "available_policies", s->available,
			sizeof(s->available)) ?:
	      read_uint_attr(dir, "timeslice_us", &s->timeslice_us) ?:
	      read_uint_attr(dir, "arr_avg_factor", &s->arr_avg_factor) ?:
	      read_uint_attr(dir, "arr_frequency", &s->arr_frequency) ?:
	      read_uint_attr(dir, "arr_timeslice_min_us",
			     &s->arr_timeslice_min_us) ?:
	      read_uint_attr(dir, "arr_timeslice_max_us",
			     &s->arr_timeslice_max_us) ?:
	      read_uint_attr(dir, "host_weight", &s->host_weight) ?:
	      read_u64_attr(dir, "switches", &s->switches);
	/* detached while we looked */
	if (err == -ENOENT || err == -ENODEV)
		return 0;
	if (!err)
		s->present = true;
	return err;
}

static struct smi_pgpu *add_pgpu(struct smi_system *sys, unsigned int id)
{
	struct smi_pgpu *p;

	p = smi_find_pgpu(sys, id);
	if (p)
		return p;
	p = realloc(sys->pgpus, (sys->num_pgpus + 1) * sizeof(*p));
	if (!p)
		return NULL;
	sys->pgpus = p;
	p = &sys->pgpus[sys->num_pgpus++];
	memset(p, 0, sizeof(*p));
	p->id = id;
	return p;
}

static int cmp_pgpu(const void *a, const void *b)
{
	const struct smi_pgpu *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* a client device nvvgpu_core.<kind>.<id>: its pgpu's device and the mdev
 * parent
 */
static int scan_client(struct smi_system *sys, const char *dir,
		       const char *name)
{
	char path[PATH_MAX], real[PATH_MAX], kind[8], *slash;
	struct smi_pgpu *p;
	unsigned int id;
	int n = -1, err;

	if (sscanf(name, "nvvgpu_core.%7[a-z].%u%n", kind, &id, &n) != 2 ||
	    n < 0 || name[n] || (strcmp(kind, "vfio") && strcmp(kind, "drm")))
		return 0;
	err = pathf(path, sizeof(path), "%s/%s", dir, name);
	if (err)
		return err;
	if (!realpath(path, real))
		return errno == ENOENT ? 0 : -errno;
	p = add_pgpu(sys, id);
	if (!p)
		return -ENOMEM;
	if (!strcmp(kind, "vfio")) {
		copy(p->aux, sizeof(p->aux), real);
	} else {
		err = pathf(path, sizeof(path), "%s/driver", real);
		if (err)
			return err;
		p->drm = is_dir(path);
	}
	slash = strrchr(real, '/');
	if (slash && slash != real)
		*slash = 0;
	copy(p->dev, sizeof(p->dev), real);
	return 0;
}

static void scan_providers(struct smi_pgpu *p)
{
	static const char *const kinds[SMI_NR_PROVIDERS] = {
		[SMI_TRANSPORT] = "transport",
		[SMI_PARTITION] = "partition",
		[SMI_SCHEDULER] = "scheduler",
	};
	char path[PATH_MAX], buf[256];
	unsigned int k;

	for (k = 0; k < SMI_NR_PROVIDERS; k++) {
		if (pathf(path, sizeof(path), "%s/nvvgpu_providers", p->dev) ||
		    read_attr(path, kinds[k], buf, sizeof(buf)) ||
		    smi_parse_providers(buf, p->provider[k],
					sizeof(p->provider[k])))
			p->provider[k][0] = 0;
	}
}

/*
 * nvvgpu_vfio registers the mdev parent on the pgpu's device if that is a
 * PCI device, else on the auxiliary device: the types are in one of them,
 * and only while the auxiliary device is bound (another driver of the PCI
 * device cannot be registering a parent beside nvvgpu_vfio's).
 */
static int find_mdev_parent(struct smi_pgpu *p)
{
	char path[PATH_MAX];
	int err;

	err = pathf(path, sizeof(path), "%s/driver", p->aux);
	if (err || !is_dir(path))
		return err;
	err = pathf(path, sizeof(path), "%s/mdev_supported_types", p->aux);
	if (err)
		return err;
	if (is_dir(path)) {
		copy(p->mdev, sizeof(p->mdev), p->aux);
		p->vfio = true;
		return 0;
	}
	err = pathf(path, sizeof(path), "%s/mdev_supported_types", p->dev);
	if (err)
		return err;
	if (!strcmp(p->bus, "pci") && is_dir(path)) {
		copy(p->mdev, sizeof(p->mdev), p->dev);
		p->vfio = true;
	}
	return 0;
}

static int scan_pgpu(struct smi_pgpu *p, unsigned int what)
{
	char path[PATH_MAX];
	int err;

	link_name(p->dev, p->name, sizeof(p->name));
	err = pathf(path, sizeof(path), "%s/subsystem", p->dev);
	if (err || link_name(path, p->bus, sizeof(p->bus)))
		p->bus[0] = 0;
	err = pathf(path, sizeof(path), "%s/driver", p->dev);
	if (err || link_name(path, p->driver, sizeof(p->driver)))
		p->driver[0] = 0;
	scan_providers(p);
	if (p->aux[0]) {
		err = find_mdev_parent(p);
		if (err)
			return err;
	}
	if (p->vfio && (what & SMI_SCAN_TYPES)) {
		err = scan_types(p);
		if (err)
			return err;
	}
	if (p->vfio && (what & SMI_SCAN_VGPUS)) {
		err = scan_vgpus(p, what);
		if (err)
			return err;
	}
	if (what & SMI_SCAN_SCHED)
		return scan_sched(p);
	return 0;
}

/**
 * smi_scan() - read the pgpus, and what @what asks for, from sysfs
 * @sys: the model; smi_free() frees it, also after an error
 * @root: the sysfs root, normally /sys
 * @what: SMI_SCAN_* flags
 *
 * A pgpu is a ready GPU: one the core made client devices for. Things
 * that go away while they are read (a vGPU removed, the scheduler
 * detached) are left out.
 *
 * Return: 0 or -errno.
 */
int smi_scan(struct smi_system *sys, const char *root, unsigned int what)
{
	char dir[PATH_MAX];
	struct dirent *de;
	unsigned int i;
	DIR *d;
	int err = 0;

	memset(sys, 0, sizeof(*sys));
	sys->root = root;
	err = pathf(dir, sizeof(dir), "%s/bus/auxiliary/devices", root);
	if (err)
		return err;
	d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while (!err && (de = readdir(d)) != NULL)
		err = scan_client(sys, dir, de->d_name);
	closedir(d);
	if (err)
		return err;
	qsort(sys->pgpus, sys->num_pgpus, sizeof(*sys->pgpus), cmp_pgpu);
	for (i = 0; !err && i < sys->num_pgpus; i++)
		err = scan_pgpu(&sys->pgpus[i], what);
	return err;
}

void smi_free(struct smi_system *sys)
{
	unsigned int i;

	for (i = 0; i < sys->num_pgpus; i++) {
		free(sys->pgpus[i].types);
		free(sys->pgpus[i].vgpus);
	}
	free(sys->pgpus);
	sys->pgpus = NULL;
	sys->num_pgpus = 0;
}

struct smi_pgpu *smi_find_pgpu(struct smi_system *sys, unsigned int id)
{
	unsigned int i;

	for (i = 0; i < sys->num_pgpus; i++)
		if (sys->pgpus[i].id == id)
			return &sys->pgpus[i];
	return NULL;
}

struct smi_vgpu *smi_find_vgpu(struct smi_system *sys, const char *uuid)
{
	unsigned int i, j;

	for (i = 0; i < sys->num_pgpus; i++)
		for (j = 0; j < sys->pgpus[i].num_vgpus; j++)
			if (!strcasecmp(sys->pgpus[i].vgpus[j].uuid, uuid))
				return &sys->pgpus[i].vgpus[j];
	return NULL;
}
