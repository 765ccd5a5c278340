/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel's <linux/bits.h>, so that the test
 * tools include the project's ABI headers (include/nvvgpu/abi/) unchanged.
 * Found through -idirafter: a real header of that name wins.
 */
#ifndef NVTEST_SHIM_LINUX_BITS_H
#define NVTEST_SHIM_LINUX_BITS_H

#define BIT(n)		(1UL << (n))
#define BIT_ULL(n)	(1ULL << (n))
#define GENMASK(h, l)	((~0UL - (1UL << (l)) + 1) & (~0UL >> (63 - (h))))
#define GENMASK_ULL(h, l) \
	((~0ULL - (1ULL << (l)) + 1) & (~0ULL >> (63 - (h))))

#endif
