/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: jiffies read the simulated clock, HZ = 1000. */
#ifndef __NVFUZZ_LINUX_JIFFIES_H
#define __NVFUZZ_LINUX_JIFFIES_H

#include <linux/math.h>
#include <linux/types.h>
#include "../nvfuzz_runtime.h"

#define HZ		1000
#define jiffies		((unsigned long)(nvfuzz_now_ns() / 1000000))
#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return m;
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return DIV_ROUND_UP(u, 1000);
}

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return j;
}

#endif
