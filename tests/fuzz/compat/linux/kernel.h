/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_KERNEL_H
#define __NVFUZZ_LINUX_KERNEL_H

#include <linux/align.h>
#include <linux/bits.h>
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/limits.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/wordpart.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

#endif
