/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: glibc's <errno.h> includes <linux/errno.h> too, so this
 * one must stay a superset of the UAPI header: take it, then add the
 * kernel-internal codes.
 */
#ifndef __NVFUZZ_LINUX_ERRNO_H
#define __NVFUZZ_LINUX_ERRNO_H

#include_next <linux/errno.h>

#define ERESTARTSYS	512
#define ERESTARTNOINTR	513
#define ENOTSUPP	524
#define EPROBE_DEFER	517

#endif
