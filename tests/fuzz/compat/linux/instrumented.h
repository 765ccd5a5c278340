/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: the kernel's explicit range instrumentation. ASan
 * checks every access of the code compiled here anyway (see
 * __no_sanitize_or_inline in compiler_types.h), so these are no-ops, but
 * for the end of a copy loop of the code under test: with NVFUZZ_DMA_HOOK
 * it goes through the harness as memcpy() does (compat/linux/string.h),
 * which may then change the shared memory just read (a DMA race).
 */
#ifndef __NVFUZZ_LINUX_INSTRUMENTED_H
#define __NVFUZZ_LINUX_INSTRUMENTED_H

#include <stddef.h>

#ifdef NVFUZZ_DMA_HOOK
void nvfuzz_dma_copied(const void *src, size_t n);
#endif

static inline void instrument_read(const volatile void *v, size_t size)
{
}

static inline void instrument_write(const volatile void *v, size_t size)
{
}

static inline void instrument_memcpy_before(void *to, const void *from,
					    unsigned long n)
{
}

static inline void instrument_memcpy_after(void *to, const void *from,
					   unsigned long n, unsigned long left)
{
#ifdef NVFUZZ_DMA_HOOK
	nvfuzz_dma_copied(from, n - left);
#endif
}

#endif
