// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the hooks of the live test module (gsp_test.h), built only
 * with CONFIG_NVVGPU_GSP_TEST.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/list.h>
#include <linux/mutex.h>

#include "gsp.h"
#include "gsp_test.h"

/* the hook lock: protects gsp_test_list and gsp_test_ops */
static DEFINE_MUTEX(gsp_test_lock);
/* the attached transports, by &nvvgpu_gsp.test_link */
static LIST_HEAD(gsp_test_list);
static const struct gsp_test_ops *gsp_test_ops;

/**
 * gsp_test_hooks_attach() - a transport is up: tell the test module
 * @gsp: the transport, booted, with its debugfs directory
 */
void gsp_test_hooks_attach(struct nvvgpu_gsp *gsp)
{
	mutex_lock(&gsp_test_lock);
	list_add_tail(&gsp->test_link, &gsp_test_list);
	if (gsp_test_ops)
		gsp_test_ops->attach(gsp);
	mutex_unlock(&gsp_test_lock);
}

/**
 * gsp_test_hooks_detach() - a transport is going: tell the test module
 * @gsp: the transport, as gsp_test_hooks_attach() left it
 *
 * Returns once the test module's files of @gsp are gone and no handler of
 * theirs runs.
 */
void gsp_test_hooks_detach(struct nvvgpu_gsp *gsp)
{
	mutex_lock(&gsp_test_lock);
	if (gsp_test_ops)
		gsp_test_ops->detach(gsp);
	list_del(&gsp->test_link);
	mutex_unlock(&gsp_test_lock);
}

/**
 * gsp_test_hooks_register() - install the live test module's hooks
 * @ops: the hooks, both set
 *
 * Calls @ops->attach for every transport attached now, and later for every
 * transport that attaches, until gsp_test_hooks_unregister().
 *
 * Context: process context; takes the hook lock.
 * Return: 0, or -EBUSY if hooks are installed already.
 */
int gsp_test_hooks_register(const struct gsp_test_ops *ops)
{
	struct nvvgpu_gsp *gsp;

	mutex_lock(&gsp_test_lock);
	if (gsp_test_ops) {
		mutex_unlock(&gsp_test_lock);
		pr_err("test hooks are installed already\n");
		return -EBUSY;
	}
	gsp_test_ops = ops;
	list_for_each_entry(gsp, &gsp_test_list, test_link)
		ops->attach(gsp);
	mutex_unlock(&gsp_test_lock);
	return 0;
}
EXPORT_SYMBOL_IF_GSP_TEST(gsp_test_hooks_register);

/**
 * gsp_test_hooks_unregister() - remove the hooks gsp_test_hooks_register()
 *	installed
 * @ops: the hooks
 *
 * Calls @ops->detach for every transport attached now.
 *
 * Context: process context; takes the hook lock.
 */
void gsp_test_hooks_unregister(const struct gsp_test_ops *ops)
{
	struct nvvgpu_gsp *gsp;

	mutex_lock(&gsp_test_lock);
	if (gsp_test_ops == ops) {
		list_for_each_entry(gsp, &gsp_test_list, test_link)
			ops->detach(gsp);
		gsp_test_ops = NULL;
	}
	mutex_unlock(&gsp_test_lock);
}
EXPORT_SYMBOL_IF_GSP_TEST(gsp_test_hooks_unregister);
