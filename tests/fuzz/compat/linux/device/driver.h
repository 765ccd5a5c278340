/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: module_driver(), for the module_nvvgpu_*() macros of
 * <nvvgpu/core.h>; init and exit are referenced, never called.
 */
#ifndef __NVFUZZ_LINUX_DEVICE_DRIVER_H
#define __NVFUZZ_LINUX_DEVICE_DRIVER_H

#include <linux/module.h>

#define module_driver(__driver, __register, __unregister, ...)		\
static int __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __driver##_exit(void)					\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

#endif
