/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: every message is formatted (so the sanitizers see each
 * argument the way vsnprintf in the kernel would), printed only on demand.
 * pr_debug/dev_dbg are formatted too: dynamic debug can turn them on.
 */
#ifndef __NVFUZZ_LINUX_PRINTK_H
#define __NVFUZZ_LINUX_PRINTK_H

#include "../nvfuzz_runtime.h"

#define pr_fmt(fmt) fmt
#define pr_emerg(fmt, ...)	nvfuzz_log("emerg", NULL, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	nvfuzz_log("err", NULL, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	nvfuzz_log("warn", NULL, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	nvfuzz_log("notice", NULL, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	nvfuzz_log("info", NULL, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	nvfuzz_log("debug", NULL, pr_fmt(fmt), ##__VA_ARGS__)
#define printk(fmt, ...)	nvfuzz_log("", NULL, fmt, ##__VA_ARGS__)

#endif
