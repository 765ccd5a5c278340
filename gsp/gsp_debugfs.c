// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: debugfs, <nvvgpu debugfs root>/pgpu<N>/gsp/:
 *
 *   state   firmware release, transport state, sequence numbers, counters
 *   reset   write 1: reset the GSP core and boot GSP-RM again (DOC: reset);
 *           the write returns the errno of the reset
 *
 * The live test module, nvvgpu_gsp_test (gsp/tests/), adds echo and bench
 * here while it is loaded.
 *
 * The files are removed when the transport detaches, with the pgpu lock
 * held; removal waits for a handler still running, which is why a reset
 * takes that lock with nvvgpu_pgpu_lock_sysfs(), backing off rather than
 * waiting (DOC: reset).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/seq_file.h>

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

/**
 * gsp_debugfs_add() - create <pgpu>/gsp/
 * @gsp: the transport, attached
 */
void gsp_debugfs_add(struct nvvgpu_gsp *gsp)
{
	struct dentry *parent = nvvgpu_pgpu_debugfs(gsp->pgpu);

	if (IS_ERR_OR_NULL(parent))
		return;
	gsp->debugfs = debugfs_create_dir("gsp", parent);
	debugfs_create_file("state", 0444, gsp->debugfs, gsp, &gsp_state_fops);
	debugfs_create_file("reset", 0200, gsp->debugfs, gsp, &gsp_reset_fops);
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
