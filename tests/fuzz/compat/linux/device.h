/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_DEVICE_H
#define __NVFUZZ_LINUX_DEVICE_H

#include <linux/kernel.h>
#include <linux/types.h>

struct device {
	const char *init_name;
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

#define dev_emerg(dev, fmt, ...)	nvfuzz_log("emerg", dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		nvfuzz_log("crit", dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		nvfuzz_log("err", dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		nvfuzz_log("warn", dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	nvfuzz_log("notice", dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		nvfuzz_log("info", dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)		nvfuzz_log("debug", dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited		dev_err
#define dev_warn_ratelimited		dev_warn
#define dev_warn_once			dev_warn

#endif
