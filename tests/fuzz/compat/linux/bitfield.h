/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: FIELD_GET/PREP keep the mask's type, as the kernel's do. */
#ifndef __NVFUZZ_LINUX_BITFIELD_H
#define __NVFUZZ_LINUX_BITFIELD_H

#include <linux/bits.h>

#define __bf_shf(x)		(__builtin_ffsll(x) - 1)
#define FIELD_GET(mask, reg)	\
	((__typeof__(mask))(((reg) & (mask)) >> __bf_shf(mask)))
#define FIELD_PREP(mask, val)	\
	(((__typeof__(mask))(val) << __bf_shf(mask)) & (mask))
#define FIELD_FIT(mask, val)	\
	(!((((__typeof__(mask))(val)) << __bf_shf(mask)) & ~(mask)))

#endif
