// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the one place firmware status codes become errnos.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "gsp.h"

static const struct {
	u32 status;
	int err;
	const char *name;
} gsp_status_table[] = {
	{ NV_OK, 0, "NV_OK" },
	{ NV_ERR_BUSY_RETRY, -EBUSY, "NV_ERR_BUSY_RETRY" },
	{ NV_ERR_GPU_IS_LOST, -ENODEV, "NV_ERR_GPU_IS_LOST" },
	{ NV_ERR_IN_USE, -EBUSY, "NV_ERR_IN_USE" },
	{ NV_ERR_INSERT_DUPLICATE_NAME, -EEXIST, "NV_ERR_INSERT_DUPLICATE_NAME" },
	{ NV_ERR_INSUFFICIENT_RESOURCES, -ENOSPC, "NV_ERR_INSUFFICIENT_RESOURCES" },
	{ NV_ERR_INSUFFICIENT_PERMISSIONS, -EPERM, "NV_ERR_INSUFFICIENT_PERMISSIONS" },
	{ NV_ERR_INVALID_ADDRESS, -EFAULT, "NV_ERR_INVALID_ADDRESS" },
	{ NV_ERR_INVALID_ARGUMENT, -EINVAL, "NV_ERR_INVALID_ARGUMENT" },
	{ NV_ERR_INVALID_CLASS, -EINVAL, "NV_ERR_INVALID_CLASS" },
	{ NV_ERR_INVALID_CLIENT, -ENOENT, "NV_ERR_INVALID_CLIENT" },
	{ NV_ERR_INVALID_COMMAND, -EINVAL, "NV_ERR_INVALID_COMMAND" },
	{ NV_ERR_INVALID_DATA, -EPROTO, "NV_ERR_INVALID_DATA" },
	{ NV_ERR_INVALID_OBJECT_HANDLE, -ENOENT, "NV_ERR_INVALID_OBJECT_HANDLE" },
	{ NV_ERR_INVALID_OBJECT_NEW, -EINVAL, "NV_ERR_INVALID_OBJECT_NEW" },
	{ NV_ERR_INVALID_OBJECT_PARENT, -ENOENT, "NV_ERR_INVALID_OBJECT_PARENT" },
	{ NV_ERR_INVALID_PARAM_STRUCT, -EINVAL, "NV_ERR_INVALID_PARAM_STRUCT" },
	{ NV_ERR_INVALID_PARAMETER, -EINVAL, "NV_ERR_INVALID_PARAMETER" },
	{ NV_ERR_INVALID_STATE, -EINVAL, "NV_ERR_INVALID_STATE" },
	{ NV_ERR_NO_MEMORY, -ENOMEM, "NV_ERR_NO_MEMORY" },
	{ NV_ERR_NOT_READY, -EBUSY, "NV_ERR_NOT_READY" },
	{ NV_ERR_NOT_SUPPORTED, -EOPNOTSUPP, "NV_ERR_NOT_SUPPORTED" },
	{ NV_ERR_OBJECT_NOT_FOUND, -ENOENT, "NV_ERR_OBJECT_NOT_FOUND" },
	{ NV_ERR_OUT_OF_RANGE, -ERANGE, "NV_ERR_OUT_OF_RANGE" },
	{ NV_ERR_RESET_REQUIRED, -EIO, "NV_ERR_RESET_REQUIRED" },
	{ NV_ERR_STATE_IN_USE, -EBUSY, "NV_ERR_STATE_IN_USE" },
	{ NV_ERR_TIMEOUT, -ETIMEDOUT, "NV_ERR_TIMEOUT" },
	{ NV_ERR_TIMEOUT_RETRY, -EBUSY, "NV_ERR_TIMEOUT_RETRY" },
	{ NV_ERR_GENERIC, -EIO, "NV_ERR_GENERIC" },
	{ NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION, -EOPNOTSUPP,
	  "RPC_UNKNOWN_FUNCTION" },
	{ NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT, -EPROTO,
	  "RPC_INVALID_MESSAGE_FORMAT" },
	{ NV_VGPU_MSG_RESULT_RPC_HANDLE_NOT_FOUND, -ENOENT,
	  "RPC_HANDLE_NOT_FOUND" },
	{ NV_VGPU_MSG_RESULT_RPC_HANDLE_EXISTS, -EEXIST, "RPC_HANDLE_EXISTS" },
	{ NVGSP_RPC_RESULT_PENDING, -EPROTO, "RPC_PENDING" },
};

/**
 * gsp_status_to_errno() - map an NV_STATUS or rpc_result to an errno
 * @status: the firmware's code
 *
 * Codes without a better match become -EIO.
 *
 * Return: 0 for NV_OK, else a negative errno.
 */
int gsp_status_to_errno(u32 status)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gsp_status_table); i++)
		if (gsp_status_table[i].status == status)
			return gsp_status_table[i].err;
	return -EIO;
}
EXPORT_SYMBOL_IF_KUNIT(gsp_status_to_errno);

/**
 * gsp_status_name() - name a status for logs
 * @status: the firmware's code
 *
 * Return: a static string, "unknown status" if not in the table.
 */
const char *gsp_status_name(u32 status)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gsp_status_table); i++)
		if (gsp_status_table[i].status == status)
			return gsp_status_table[i].name;
	return "unknown status";
}
EXPORT_SYMBOL_IF_KUNIT(gsp_status_name);
