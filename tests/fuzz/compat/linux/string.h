/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: libc's string functions. With NVFUZZ_DMA_HOOK, memcpy
 * in the code under test goes through the harness, which may change shared
 * memory right after a copy out of it: that is how a firmware writing
 * concurrently with the host (a DMA race) looks to the host.
 */
#ifndef __NVFUZZ_LINUX_STRING_H
#define __NVFUZZ_LINUX_STRING_H

#include <string.h>
#include <linux/types.h>

#ifdef NVFUZZ_DMA_HOOK
void *nvfuzz_dma_memcpy(void *dst, const void *src, size_t n);
#define memcpy(dst, src, n)	nvfuzz_dma_memcpy(dst, src, n)
#endif

static inline ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size);

	if (!size)
		return -7;	/* -E2BIG */
	if (len == size) {
		__builtin_memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -7;
	}
	__builtin_memcpy(dst, src, len + 1);
	return len;
}

#endif
