/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_core: what the KUnit suites (tests/) reach of the core beyond its
 * API (include/nvvgpu/core.h). Exported only with CONFIG_KUNIT, in the
 * EXPORTED_FOR_KUNIT_TESTING namespace.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_CORE_TEST_H__
#define __NVVGPU_CORE_TEST_H__

#include <nvvgpu/core.h>

#if IS_ENABLED(CONFIG_KUNIT)
/* core_registry.c */
const struct nvvgpu_provider *
nvvgpu_registered_provider(enum nvvgpu_provider_kind kind);
#endif

#endif /* __NVVGPU_CORE_TEST_H__ */
