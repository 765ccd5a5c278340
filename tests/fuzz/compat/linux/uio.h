/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: struct kvec, as the kernel's. */
#ifndef __NVFUZZ_LINUX_UIO_H
#define __NVFUZZ_LINUX_UIO_H

#include <stddef.h>

struct kvec {
	void *iov_base;
	size_t iov_len;
};

#endif
