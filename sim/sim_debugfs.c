// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: debugfs, <nvvgpu debugfs root>/sim/<index>/:
 *
 *   regs              GSP falcon registers that are set, and PMC_BOOT_0
 *   state             emulator, RM objects, vGPUs, memory
 *   event             write "rc_triggered EXCEPT", "os_error_log XID" or
 *                     "flood N": events as the firmware sends them
 *   fault/            counts of next status messages to perturb:
 *     drop_replies        not sent at all
 *     corrupt_checksum    checksum off by one bit
 *     skip_seq            seqNum one ahead (a message looks lost)
 *     replay_seq          seqNum of the previous message
 *     bad_token           rpc.sequence not the request's
 *     oversize_len        rpc.length beyond 65488, elemCount intact
 *     undersize_len       rpc.length 16, below the RPC header
 *     negative_len        rpc.length -32
 *     bad_signature       signature not "VRPC"
 *     bad_header_version  header_version 0x02000000
 *     bad_elem_count      elemCount 0: the host loses the framing
 *   fault/delay_ms    hold every status message back this long
 *   fault/hang        non-zero: stop consuming the command queue
 *   fault/crash       write anything: the firmware dies with a fatal report
 *   fault/unsolicited write a function number: a reply to a request never
 *                     sent (rpc.sequence 0)
 *   fault/lost_interrupt write N: drop the next N interrupt messages (a VF's
 *                     interrupt, the host's channel-done); reads what is
 *                     left to drop
 *   fault/ecc_page    write an FB page offset: the next engine access to it
 *                     is an uncorrectable ECC error (Xid 48) and retires
 *                     it; reads the pages, pending or retired
 *   vf                per bootloaded GFID: interrupt leaf, enables, MMU
 *                     fault status, interrupts sent and dropped, mailbox
 *                     RPCs served and refused
 *
 * The engine reset (FLR) is a register, NV_PFALCON_FALCON_ENGINE, so that
 * the transport can drive it; "state" counts the resets.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <nvvgpu/core.h>

#include "sim.h"

static struct dentry *sim_debugfs_root;

static int sim_regs_show(struct seq_file *m, void *unused)
{
	struct sim_gpu *sim = m->private;
	u32 addr, val;

	seq_printf(m, "%06x: %08x\n", NV_PMC_BOOT_0,
		   sim_reg_read(sim, NV_PMC_BOOT_0));
	for (addr = NV_PGSP_FALCON_BASE;
	     addr < NV_PGSP_FALCON_BASE + NV_PGSP_FALCON_SIZE; addr += 4) {
		val = sim_reg_read(sim, addr);
		if (val)
			seq_printf(m, "%06x: %08x\n", addr, val);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_regs);

static int sim_state_show(struct seq_file *m, void *unused)
{
	struct sim_gpu *sim = m->private;
	struct sim_gsp *gsp = &sim->gsp;
	struct sim_mem_region *r;
	u32 i;

	mutex_lock(&gsp->lock);
	seq_printf(m, "firmware: %s (%s)\n", sim->fw_version,
		   sim->abi ? "supported" : "unsupported");
	seq_printf(m, "gsp: %s\n", sim_gsp_state_name(gsp->state));
	seq_printf(m, "fb: %llu MiB, usable %llu MiB\n", sim->fb_size >> 20,
		   sim->fb_usable >> 20);
	seq_printf(m, "boot: sysinfo %d registry %d (%u keys) init_done %d\n",
		   gsp->got_sysinfo, gsp->got_registry, gsp->registry_keys,
		   gsp->init_done);
	seq_printf(m, "cmdq: consumed %llu, next seq %u\n", gsp->rx_msgs,
		   gsp->rx_seq);
	seq_printf(m, "statq: published %llu, next seq %u, backlog %s\n",
		   gsp->tx_msgs, gsp->tx_seq,
		   list_empty(&gsp->outq) ? "empty" : "pending");
	seq_printf(m, "rm: %u clients\n", gsp->num_clients);
	seq_printf(m, "resets: %llu\nfaults injected: %llu\necc acks: %llu\n",
		   gsp->resets, gsp->faults, gsp->ecc_acks);
	seq_printf(m, "last error: %s\n", gsp->last_error ?: "none");
	for (i = 0; i < SIM_MAX_GFID; i++) {
		struct sim_vgpu *v = &sim->vgpus[i];

		if (v->state == SIM_VGPU_FREE)
			continue;
		seq_printf(m,
			   "gfid %u: %s type %u fb %#llx+%#llx heap %#llx+%#llx chid %u+%u\n",
			   i + 1, v->state == SIM_VGPU_BOOTED ? "booted" : "shutdown",
			   sim->gsp.types[v->type].id, v->fb_base, v->fb_size,
			   v->heap_base, v->heap_size, v->chid_base,
			   v->num_channels);
	}
	/* the catalogue the driver handed the firmware (ADD_VGPU_TYPE) */
	for (i = 0; i < gsp->num_types; i++) {
		const struct nvvgpu_vgpu_type *t = &gsp->types[i];

		seq_printf(m, "type %u %s (%s): fb %llu MiB heap %llu MiB max %u chids %u\n",
			   t->id, t->name, t->class, t->fb_size >> 20,
			   t->heap_size >> 20, t->max_instances,
			   t->num_channels);
	}
	mutex_unlock(&gsp->lock);

	mutex_lock(&sim->mem_lock);
	list_for_each_entry(r, &sim->mem_regions, link)
		seq_printf(m, "dma: bus %#llx size %#zx\n", r->bus, r->size);
	mutex_unlock(&sim->mem_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_state);

static int sim_fault_hang_get(void *data, u64 *val)
{
	struct sim_gpu *sim = data;

	*val = READ_ONCE(sim->gsp.fault.hang);
	return 0;
}

static int sim_fault_hang_set(void *data, u64 val)
{
	struct sim_gpu *sim = data;

	mutex_lock(&sim->gsp.lock);
	sim->gsp.fault.hang = !!val;
	mutex_unlock(&sim->gsp.lock);
	sim_gsp_kick(sim);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_fault_hang_fops, sim_fault_hang_get,
			 sim_fault_hang_set, "%llu\n");

static int sim_fault_crash_set(void *data, u64 val)
{
	sim_gsp_inject_crash(data);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_fault_crash_fops, NULL, sim_fault_crash_set,
			 "%llu\n");

static int sim_fault_unsolicited_set(void *data, u64 val)
{
	if (val > U32_MAX)
		return -EINVAL;
	sim_gsp_inject_unsolicited(data, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_fault_unsolicited_fops, NULL,
			 sim_fault_unsolicited_set, "%llu\n");

static int sim_engines_file_show(struct seq_file *m, void *unused)
{
	sim_engines_show(m, m->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_engines_file);

static int sim_objsched_file_show(struct seq_file *m, void *unused)
{
	sim_objsched_show(m, m->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_objsched_file);

static int sim_engine_hang_set(void *data, u64 val)
{
	return sim_engine_inject_hang(data, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_engine_hang_fops, NULL, sim_engine_hang_set,
			 "%llu\n");

static int sim_mmu_fault_set(void *data, u64 val)
{
	return sim_engine_inject_mmu_fault(data, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_mmu_fault_fops, NULL, sim_mmu_fault_set, "%llu\n");

static int sim_preempt_timeout_get(void *data, u64 *val)
{
	struct sim_gpu *sim = data;

	*val = READ_ONCE(sim->engines.preempt_timeout_ms);
	return 0;
}

static int sim_preempt_timeout_set(void *data, u64 val)
{
	return sim_engine_set_preempt_timeout(data, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_preempt_timeout_fops, sim_preempt_timeout_get,
			 sim_preempt_timeout_set, "%llu\n");

static int sim_ctxsw_get(void *data, u64 *val)
{
	struct sim_gpu *sim = data;

	*val = READ_ONCE(sim->engines.ctxsw_us);
	return 0;
}

static int sim_ctxsw_set(void *data, u64 val)
{
	return sim_engine_set_ctxsw(data, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_ctxsw_fops, sim_ctxsw_get, sim_ctxsw_set,
			 "%llu\n");

static int sim_vf_file_show(struct seq_file *m, void *unused)
{
	sim_vf_show(m, m->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_vf_file);

static ssize_t sim_lost_interrupt_read(struct file *file, char __user *ubuf,
				       size_t count, loff_t *ppos)
{
	struct sim_gpu *sim = file->private_data;
	char buf[16];
	int len;

	len = scnprintf(buf, sizeof(buf), "%d\n",
			atomic_read(&sim->gsp.fault.lost_interrupt));
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static ssize_t sim_lost_interrupt_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	struct sim_gpu *sim = file->private_data;
	char buf[16];
	u32 n;

	if (count >= sizeof(buf)) {
		dev_warn(sim_dev(sim), "debugfs fault/lost_interrupt: %zu bytes written; one number N takes fewer than %zu\n",
			 count, sizeof(buf));
		return -EINVAL;
	}
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (nvvgpu_parse_u32s(buf, &n, 1) != 1 || n > INT_MAX) {
		dev_warn(sim_dev(sim), "debugfs fault/lost_interrupt: expected one number 0..%d\n",
			 INT_MAX);
		return -EINVAL;
	}
	atomic_set(&sim->gsp.fault.lost_interrupt, n);
	dev_info(sim_dev(sim), "fault: dropping the next %u interrupt messages\n",
		 n);
	return count;
}

static const struct file_operations sim_lost_interrupt_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = sim_lost_interrupt_read,
	.write = sim_lost_interrupt_write,
	.llseek = default_llseek,
};

static int sim_ecc_page_show(struct seq_file *m, void *unused)
{
	sim_engine_ecc_show(m, m->private);
	return 0;
}

static int sim_ecc_page_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_ecc_page_show, inode->i_private);
}

static ssize_t sim_ecc_page_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct sim_gpu *sim = ((struct seq_file *)file->private_data)->private;
	char buf[24];
	u64 addr;
	int ret;

	if (count >= sizeof(buf)) {
		dev_warn(sim_dev(sim), "debugfs fault/ecc_page: %zu bytes written; one FB offset takes fewer than %zu\n",
			 count, sizeof(buf));
		return -EINVAL;
	}
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (kstrtou64(strim(buf), 0, &addr)) {
		dev_warn(sim_dev(sim), "debugfs fault/ecc_page: expected one FB offset (0x... or decimal)\n");
		return -EINVAL;
	}
	ret = sim_engine_inject_ecc(sim, addr);
	return ret ?: count;
}

static const struct file_operations sim_ecc_page_fops = {
	.owner = THIS_MODULE,
	.open = sim_ecc_page_open,
	.read = seq_read,
	.write = sim_ecc_page_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static ssize_t sim_event_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct sim_gpu *sim = file->private_data;
	char buf[32], *args, *name;
	u32 arg = 0;
	int ret;

	if (count >= sizeof(buf)) {
		dev_warn(sim_dev(sim), "debugfs event: %zu bytes written; \"NAME [ARG]\" takes fewer than %zu\n",
			 count, sizeof(buf));
		return -EINVAL;
	}
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	args = strim(buf);
	name = strsep(&args, " \t");
	if (!*name || (args && nvvgpu_parse_u32s(args, &arg, 1) < 0)) {
		dev_warn(sim_dev(sim), "debugfs event: expected \"NAME [ARG]\", ARG one number\n");
		return -EINVAL;
	}
	ret = sim_gsp_inject_event(sim, name, arg);
	return ret ?: count;
}

static const struct file_operations sim_event_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sim_event_write,
	.llseek = noop_llseek,
};

void sim_debugfs_add(struct sim_gpu *sim)
{
	struct sim_fault *f = &sim->gsp.fault;
	struct dentry *fault;
	char name[8];

	if (IS_ERR_OR_NULL(sim_debugfs_root))
		return;
	snprintf(name, sizeof(name), "%u", sim->index);
	sim->debugfs = debugfs_create_dir(name, sim_debugfs_root);
	debugfs_create_file("regs", 0444, sim->debugfs, sim, &sim_regs_fops);
	debugfs_create_file("state", 0444, sim->debugfs, sim, &sim_state_fops);
	debugfs_create_file("event", 0200, sim->debugfs, sim, &sim_event_fops);
	debugfs_create_file("vf", 0444, sim->debugfs, sim, &sim_vf_file_fops);
	debugfs_create_file("objsched", 0444, sim->debugfs, sim,
			    &sim_objsched_file_fops);
	debugfs_create_file("engines", 0444, sim->debugfs, sim,
			    &sim_engines_file_fops);
	debugfs_create_file_unsafe("preempt_timeout_ms", 0644, sim->debugfs, sim,
				   &sim_preempt_timeout_fops);
	debugfs_create_file_unsafe("ctxsw_us", 0644, sim->debugfs, sim,
				   &sim_ctxsw_fops);
	fault = debugfs_create_dir("fault", sim->debugfs);
	/*
	 * Plain counters: the emulator reads them under its lock and a racing
	 * write only moves the fault by one message.
	 */
	debugfs_create_u32("drop_replies", 0644, fault, &f->drop_replies);
	debugfs_create_u32("corrupt_checksum", 0644, fault,
			   &f->corrupt_checksum);
	debugfs_create_u32("skip_seq", 0644, fault, &f->skip_seq);
	debugfs_create_u32("replay_seq", 0644, fault, &f->replay_seq);
	debugfs_create_u32("bad_token", 0644, fault, &f->bad_token);
	debugfs_create_u32("oversize_len", 0644, fault, &f->oversize_len);
	debugfs_create_u32("undersize_len", 0644, fault, &f->undersize_len);
	debugfs_create_u32("negative_len", 0644, fault, &f->negative_len);
	debugfs_create_u32("bad_signature", 0644, fault, &f->bad_signature);
	debugfs_create_u32("bad_header_version", 0644, fault,
			   &f->bad_header_version);
	debugfs_create_u32("bad_elem_count", 0644, fault, &f->bad_elem_count);
	debugfs_create_u32("delay_ms", 0644, fault, &f->delay_ms);
	debugfs_create_file_unsafe("hang", 0644, fault, sim,
				   &sim_fault_hang_fops);
	debugfs_create_file_unsafe("crash", 0200, fault, sim,
				   &sim_fault_crash_fops);
	debugfs_create_file_unsafe("unsolicited", 0200, fault, sim,
				   &sim_fault_unsolicited_fops);
	debugfs_create_file_unsafe("engine_hang", 0200, fault, sim,
				   &sim_engine_hang_fops);
	debugfs_create_file_unsafe("mmu_fault", 0200, fault, sim,
				   &sim_mmu_fault_fops);
	debugfs_create_file("lost_interrupt", 0644, fault, sim,
			    &sim_lost_interrupt_fops);
	debugfs_create_file("ecc_page", 0644, fault, sim, &sim_ecc_page_fops);
}

void sim_debugfs_remove(struct sim_gpu *sim)
{
	debugfs_remove_recursive(sim->debugfs);
	sim->debugfs = NULL;
}

int sim_debugfs_init(void)
{
	struct dentry *root = nvvgpu_debugfs_root();

	if (!IS_ERR_OR_NULL(root))
		sim_debugfs_root = debugfs_create_dir("sim", root);
	return 0;
}

void sim_debugfs_exit(void)
{
	debugfs_remove_recursive(sim_debugfs_root);
	sim_debugfs_root = NULL;
}
