/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: a WARN is a finding, so it aborts like BUG. */
#ifndef __NVFUZZ_LINUX_BUG_H
#define __NVFUZZ_LINUX_BUG_H

#include <linux/build_bug.h>
#include "../nvfuzz_runtime.h"

#define BUG()		nvfuzz_bug("BUG at %s:%d", __FILE__, __LINE__)
#define BUG_ON(c)	do { if (unlikely(c)) BUG(); } while (0)
#define WARN_ON(c) ({							\
	int __c = !!(c);						\
	if (unlikely(__c))						\
		nvfuzz_bug("WARN_ON(%s) at %s:%d", #c, __FILE__, __LINE__); \
	unlikely(__c); })
#define WARN_ON_ONCE(c)	WARN_ON(c)
#define WARN(c, fmt, ...) ({						\
	int __c = !!(c);						\
	if (unlikely(__c))						\
		nvfuzz_bug("WARN at %s:%d: " fmt, __FILE__, __LINE__,	\
			   ##__VA_ARGS__);				\
	unlikely(__c); })
#define WARN_ONCE(c, fmt, ...)	WARN(c, fmt, ##__VA_ARGS__)

#endif
