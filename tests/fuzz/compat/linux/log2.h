/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_LOG2_H
#define __NVFUZZ_LINUX_LOG2_H

#include <linux/types.h>

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && ((n & (n - 1)) == 0);
}

#define ilog2(n)	(63 - __builtin_clzll(n))

#endif
