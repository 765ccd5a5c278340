/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_CONTAINER_OF_H
#define __NVFUZZ_LINUX_CONTAINER_OF_H

#include <linux/stddef.h>

#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	((type *)(__mptr - offsetof(type, member))); })

#endif
