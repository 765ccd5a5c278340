/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: min/max evaluate each argument once. The kernel's also
 * reject mixed signedness at build time; -Wsign-compare stands in for that.
 */
#ifndef __NVFUZZ_LINUX_MINMAX_H
#define __NVFUZZ_LINUX_MINMAX_H

#define __nvfuzz_cmp(op, x, y) ({					\
	__typeof__(x) __x = (x);					\
	__typeof__(y) __y = (y);					\
	__x op __y ? __x : __y; })

#define min(x, y)		__nvfuzz_cmp(<, x, y)
#define max(x, y)		__nvfuzz_cmp(>, x, y)
#define umin(x, y)		min((u64)(x), (u64)(y))
#define umax(x, y)		max((u64)(x), (u64)(y))
#define min_t(type, x, y)	min((type)(x), (type)(y))
#define max_t(type, x, y)	max((type)(x), (type)(y))
#define clamp(val, lo, hi)	min(max(val, lo), hi)
#define clamp_t(type, val, lo, hi)	min_t(type, max_t(type, val, lo), hi)

#endif
