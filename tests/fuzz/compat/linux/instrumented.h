/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: the kernel's explicit range instrumentation. ASan
 * checks every access of the code compiled here anyway (see
 * __no_sanitize_or_inline in compiler_types.h), so these are no-ops.
 */
#ifndef __NVFUZZ_LINUX_INSTRUMENTED_H
#define __NVFUZZ_LINUX_INSTRUMENTED_H

#include <stddef.h>

static inline void instrument_read(const volatile void *v, size_t size)
{
}

static inline void instrument_write(const volatile void *v, size_t size)
{
}

#endif
