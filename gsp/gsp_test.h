/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_gsp: what the transport's live test module, nvvgpu_gsp_test.ko
 * (gsp/tests/, CONFIG_NVVGPU_GSP_TEST), reaches of it. Nothing here is part
 * of the product: built without that option, the transport has no hooks and
 * exports none of this.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_GSP_TEST_H__
#define __NVVGPU_GSP_TEST_H__

#include <linux/export.h>
#include <linux/types.h>

struct nvvgpu_gsp;
struct seq_file;

/*
 * NVVGPU_GSP_TEST_HOOKS is defined by gsp/Kbuild when CONFIG_NVVGPU_GSP_TEST
 * is set (out of tree the CONFIG_ symbols come from the make line, not from
 * autoconf.h); gsp_test_hooks.c is built only then. The transport's exports
 * for the test module are the hooks below, gsp_rm_control() and
 * gsp_rpc_call() (gsp.h): all in the NVVGPU_GSP_TEST namespace, which only
 * the test module imports, and none without the option. The macro is
 * EXPORT_SYMBOL_IF_KUNIT() of <kunit/visibility.h> for this option.
 */
#ifdef NVVGPU_GSP_TEST_HOOKS
#define EXPORT_SYMBOL_IF_GSP_TEST(sym) EXPORT_SYMBOL_NS_GPL(sym, NVVGPU_GSP_TEST)
#else
#define EXPORT_SYMBOL_IF_GSP_TEST(sym)
#endif

/**
 * struct gsp_test_ops - the live test module's hooks on the transport
 * @attach: a transport came up, or was up when the hooks were registered:
 *	add the test's files to its debugfs directory. Called by
 *	gsp_test_hooks_register() and at the end of the transport's attach, in
 *	process context with the hook lock held; may sleep. The transport is
 *	booted and has its RM client. Must not be NULL.
 * @detach: the transport is going, or the hooks are: remove those files.
 *	Called by gsp_test_hooks_unregister() and at the start of the
 *	transport's detach, in process context with the hook lock held, before
 *	the transport's own debugfs directory goes; may sleep (removal waits
 *	for a handler still running). Must not be NULL.
 *
 * The hook lock is taken outside every lock of the transport; the hooks
 * take none of them.
 */
struct gsp_test_ops {
	void (*attach)(struct nvvgpu_gsp *gsp);
	void (*detach)(struct nvvgpu_gsp *gsp);
};

#ifdef NVVGPU_GSP_TEST_HOOKS
/* gsp_test_hooks.c, in nvvgpu_gsp.ko */
int gsp_test_hooks_register(const struct gsp_test_ops *ops);
void gsp_test_hooks_unregister(const struct gsp_test_ops *ops);
void gsp_test_hooks_attach(struct nvvgpu_gsp *gsp);
void gsp_test_hooks_detach(struct nvvgpu_gsp *gsp);
#else
static inline void gsp_test_hooks_attach(struct nvvgpu_gsp *gsp) {}
static inline void gsp_test_hooks_detach(struct nvvgpu_gsp *gsp) {}
#endif

/* tests/gsp_test_echo.c, in nvvgpu_gsp_test.ko (and the fuzz harness) */
int gsp_test_echo(struct nvvgpu_gsp *gsp, u32 size, u32 flags, u64 cookie);

/* tests/gsp_bench.c, in nvvgpu_gsp_test.ko */
int gsp_bench_run(struct nvvgpu_gsp *gsp, struct seq_file *m);

#endif /* __NVVGPU_GSP_TEST_H__ */
