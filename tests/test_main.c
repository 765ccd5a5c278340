// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_test: module glue of the nvvgpu KUnit suites.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/module.h>

MODULE_IMPORT_NS(NVVGPU);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("KUnit suites of the nvvgpu stack");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");
