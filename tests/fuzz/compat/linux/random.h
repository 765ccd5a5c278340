/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: random numbers from a generator the harness reseeds
 * for every input, so that a crash replays exactly.
 */
#ifndef __NVFUZZ_LINUX_RANDOM_H
#define __NVFUZZ_LINUX_RANDOM_H

#include <linux/types.h>
#include "../nvfuzz_runtime.h"

static inline u32 get_random_u32(void)
{
	return nvfuzz_random_u64();
}

static inline u64 get_random_u64(void)
{
	return nvfuzz_random_u64();
}

static inline u32 get_random_u32_below(u32 ceil)
{
	return ceil ? nvfuzz_random_u64() % ceil : 0;
}

static inline void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;

	while (len--)
		*p++ = nvfuzz_random_u64();
}

#endif
