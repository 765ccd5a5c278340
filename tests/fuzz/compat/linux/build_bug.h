/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: static_assert with an optional message, as the kernel's. */
#ifndef __NVFUZZ_LINUX_BUILD_BUG_H
#define __NVFUZZ_LINUX_BUILD_BUG_H

#undef static_assert
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#define BUILD_BUG_ON_ZERO(e)	((int)(sizeof(struct { int:(-!!(e)); })))

#endif
