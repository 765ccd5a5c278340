/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_MATH_H
#define __NVFUZZ_LINUX_MATH_H

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define round_up(x, y)		((((x) - 1) | ((__typeof__(x))((y) - 1))) + 1)
#define round_down(x, y)	((x) & ~((__typeof__(x))((y) - 1)))

#endif
