// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp_test: live tests of the GSP-RM transport, as a module of their
 * own (CONFIG_NVVGPU_GSP_TEST), so that the product carries none of them.
 * While it is loaded, each attached transport's debugfs directory,
 * <nvvgpu debugfs root>/pgpu<N>/gsp/, has two more files:
 *
 *   echo    write "SIZE [FLAGS]": one echo control with SIZE bytes of data
 *           (up to 262144; beyond 65416 it travels as continuation records
 *           both ways), checked against the request; the write returns its
 *           errno
 *   bench   read: run the benchmark (DOC: benchmark) and print its results
 *
 * Both need the GSP emulator of nvvgpu_sim: real firmware refuses the echo
 * control.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/core.h>

#include "../gsp.h"
#include "../gsp_test.h"

static ssize_t gsp_test_echo_write(struct file *file, const char __user *ubuf,
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
	ret = gsp_test_echo(gsp, v[0], v[1], get_random_u64());
	up_read(&gsp->reset_sem);
	return ret ?: count;
}

static const struct file_operations gsp_test_echo_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = gsp_test_echo_write,
	.llseek = noop_llseek,
};

static int gsp_test_bench_show(struct seq_file *m, void *unused)
{
	return gsp_bench_run(m->private, m);
}
DEFINE_SHOW_ATTRIBUTE(gsp_test_bench);

/* the hooks: the files come and go with the transport's directory */
static void gsp_test_attach(struct nvvgpu_gsp *gsp)
{
	if (IS_ERR_OR_NULL(gsp->debugfs))
		return;
	debugfs_create_file("echo", 0200, gsp->debugfs, gsp,
			    &gsp_test_echo_fops);
	debugfs_create_file("bench", 0400, gsp->debugfs, gsp,
			    &gsp_test_bench_fops);
}

static void gsp_test_detach(struct nvvgpu_gsp *gsp)
{
	if (IS_ERR_OR_NULL(gsp->debugfs))
		return;
	/* waits for a handler still running */
	debugfs_lookup_and_remove("bench", gsp->debugfs);
	debugfs_lookup_and_remove("echo", gsp->debugfs);
}

static const struct gsp_test_ops gsp_test_hooks = {
	.attach = gsp_test_attach,
	.detach = gsp_test_detach,
};

static int __init gsp_test_init(void)
{
	return gsp_test_hooks_register(&gsp_test_hooks);
}

static void __exit gsp_test_exit(void)
{
	gsp_test_hooks_unregister(&gsp_test_hooks);
}

module_init(gsp_test_init);
module_exit(gsp_test_exit);

MODULE_DESCRIPTION("nvvgpu GSP-RM transport live tests: echo and benchmark");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVVGPU);
MODULE_IMPORT_NS(NVVGPU_GSP_TEST);
