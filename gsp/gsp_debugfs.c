// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: debugfs, <nvvgpu debugfs root>/pgpu<N>/gsp/:
 *
 *   state   firmware release, transport state, sequence numbers, counters
 *   reset   write 1: reset the GSP core and boot GSP-RM again (DOC: reset);
 *           the write returns the errno of the reset
 *   echo    write "SIZE [FLAGS]": one echo control with SIZE bytes of data
 *           (up to 262144; beyond 65416 it travels as continuation records
 *           both ways), checked against the request; the write returns its
 *           errno
 *   bench   read: run the benchmark (DOC: benchmark) and print its results
 *
 * The files are removed when the transport detaches; removal waits for a
 * handler still running, which is why a reset gives up (rather than waits)
 * when it finds the transport detaching.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/core.h>

#include "gsp.h"

static const char * const gsp_echo_names[] = {
	[GSP_ECHO_UNKNOWN] = "not seen yet",
	[GSP_ECHO_YES] = "echoed",
	[GSP_ECHO_NO] = "not echoed (function-only matching)",
};

static int gsp_state_show(struct seq_file *m, void *unused)
{
	struct nvvgpu_gsp *gsp = m->private;
	const struct gsp_stats *st = &gsp->stats;
	const char *state;

	if (READ_ONCE(gsp->resetting))
		state = "resetting";
	else if (READ_ONCE(gsp->dead))
		state = "dead";
	else
		state = gsp->booted ? "running" : "down";

	mutex_lock(&gsp->msgq_lock);
	seq_printf(m, "firmware: %s\nstate: %s\n", gsp->abi->version, state);
	seq_printf(m, "rpc.sequence: %s\n", gsp_echo_names[gsp->echo]);
	seq_printf(m, "cmdq: next seq %u\n", READ_ONCE(gsp->cmdq_seq));
	seq_printf(m, "statq: next seq %u%s\n", gsp->msgq_seq,
		   gsp->msgq_broken ? ", broken" : "");
	seq_printf(m, "rm client: %#x\n", gsp->h_client);
	seq_printf(m, "rpcs: %llu\ntimeouts: %llu\nfailed: %llu\n", st->rpcs,
		   st->timeouts, st->failed);
	seq_printf(m, "rpcs in flight: %u now, %u at most\n",
		   atomic_read(&gsp->nr_waiting), st->max_in_flight);
	seq_printf(m, "dropped: %llu\nstale: %llu\nunsolicited: %llu\n",
		   st->dropped, st->stale, st->unsolicited);
	seq_printf(m, "resyncs: %llu\nevents: %llu\nevents dropped: %llu\n",
		   st->resyncs, st->events, st->events_dropped);
	seq_printf(m, "resets: %llu\nreset failures: %llu\n", st->resets,
		   st->reset_failures);
	mutex_unlock(&gsp->msgq_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(gsp_state);

static ssize_t gsp_reset_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct nvvgpu_gsp *gsp = file->private_data;
	bool val;
	int ret;

	ret = kstrtobool_from_user(ubuf, count, &val);
	if (ret)
		return ret;
	if (!val)
		return -EINVAL;
	ret = gsp_reset(gsp);
	return ret ?: count;
}

static const struct file_operations gsp_reset_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = gsp_reset_write,
	.llseek = noop_llseek,
};

static ssize_t gsp_echo_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct nvvgpu_gsp *gsp = file->private_data;
	u32 v[2] = {};	/* size, flags */
	char buf[32];
	int ret;

	if (count >= sizeof(buf)) {
		dev_warn(gsp->dev, "debugfs echo: %zu bytes written; \"SIZE [FLAGS]\" takes fewer than %zu\n",
			 count, sizeof(buf));
		return -EINVAL;
	}
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (nvvgpu_parse_u32s(buf, v, ARRAY_SIZE(v)) < 1) {
		dev_warn(gsp->dev, "debugfs echo: expected \"SIZE [FLAGS]\", one or two numbers\n");
		return -EINVAL;
	}
	if (v[0] > NVVGPU_EMU_ECHO_MAX_DATA || v[1] & ~NVVGPU_EMU_ECHO_INVERT) {
		dev_warn(gsp->dev, "debugfs echo: size %u (at most %u) or flags %#x (%#x known) out of range\n",
			 v[0], NVVGPU_EMU_ECHO_MAX_DATA, v[1],
			 NVVGPU_EMU_ECHO_INVERT);
		return -EINVAL;
	}

	down_read(&gsp->reset_sem);
	ret = gsp_rm_echo(gsp, v[0], v[1], get_random_u64());
	up_read(&gsp->reset_sem);
	return ret ?: count;
}

static const struct file_operations gsp_echo_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = gsp_echo_write,
	.llseek = noop_llseek,
};

static int gsp_bench_show(struct seq_file *m, void *unused)
{
	return gsp_bench_run(m->private, m);
}
DEFINE_SHOW_ATTRIBUTE(gsp_bench);

/**
 * gsp_debugfs_add() - create <pgpu>/gsp/
 * @gsp: the transport, attached
 */
void gsp_debugfs_add(struct nvvgpu_gsp *gsp)
{
	struct dentry *parent = gsp->pgpu->debugfs;

	if (IS_ERR_OR_NULL(parent))
		return;
	gsp->debugfs = debugfs_create_dir("gsp", parent);
	debugfs_create_file("state", 0444, gsp->debugfs, gsp, &gsp_state_fops);
	debugfs_create_file("reset", 0200, gsp->debugfs, gsp, &gsp_reset_fops);
	debugfs_create_file("echo", 0200, gsp->debugfs, gsp, &gsp_echo_fops);
	debugfs_create_file("bench", 0400, gsp->debugfs, gsp, &gsp_bench_fops);
}

/**
 * gsp_debugfs_remove() - remove <pgpu>/gsp/, waiting for running handlers
 * @gsp: the transport
 */
void gsp_debugfs_remove(struct nvvgpu_gsp *gsp)
{
	debugfs_remove_recursive(gsp->debugfs);
	gsp->debugfs = NULL;
}
