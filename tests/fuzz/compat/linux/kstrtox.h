/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: kstrtou32() as the kernel's: the whole string (one
 * trailing newline allowed) is one number in range, or -EINVAL/-ERANGE.
 */
#ifndef __NVFUZZ_LINUX_KSTRTOX_H
#define __NVFUZZ_LINUX_KSTRTOX_H

#include <errno.h>
#include <stdlib.h>
#include <linux/types.h>

static inline int kstrtou32(const char *s, unsigned int base, u32 *res)
{
	unsigned long long v;
	char *end;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, base);
	if (end == s || (*end && !(end[0] == '\n' && !end[1])))
		return -EINVAL;
	if (errno == ERANGE || v > 0xffffffffULL)
		return -ERANGE;
	*res = v;
	return 0;
}

#endif
