// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu-smi: one set of calls, three formats.
 *
 * A command opens the document (out_begin), then one or more tables
 * (out_table), each of rows (out_row) of "key value" fields. The formats:
 *
 * - text: a table's rows aligned in columns headed by the keys in capitals,
 *   or "key: value" blocks (OUT_BLOCKS); a streamed table (OUT_STREAM)
 *   prints each row as it ends, in the widths of its first row. Tables are
 *   separated by an empty line; null values print as "-".
 * - CSV: only the command's primary table (OUT_PRIMARY): a header of the
 *   keys, then one line per row, fields quoted when they need it (RFC 4180).
 *   A table without rows has the header of a row ended by out_row_header().
 * - JSON: one object per document, with one array of objects per table,
 *   printed as the rows end, so that a streamed table is valid JSON once
 *   out_end() closes it.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "smi.h"

struct out_field {
	char *key;
	char *val;		/* NULL for null */
	bool quote;		/* a JSON string */
	unsigned int flags;
};

struct out_rowbuf {
	struct out_field *fields;
	unsigned int num;
};

static struct {
	enum smi_format fmt;
	FILE *f;
	bool failed;		/* out of memory */
	unsigned int tables;	/* tables begun (JSON) */
	unsigned int printed;	/* tables printed (text, CSV) */
	unsigned int flags;	/* of the current table */
	unsigned int rows;	/* rows of the current table */
	struct out_rowbuf cur;
	struct out_rowbuf *buf;	/* text: the table's rows */
	unsigned int num_buf;
	unsigned int *width;	/* text, streamed: the columns' widths */
	unsigned int num_width;
} out;

void out_init(enum smi_format fmt, FILE *f)
{
	memset(&out, 0, sizeof(out));
	out.fmt = fmt;
	out.f = f;
}

void out_begin(void)
{
	if (out.fmt == SMI_FMT_JSON)
		fputc('{', out.f);
}

/* Return: 0, or -EIO if something could not be written or allocated. */
int out_end(void)
{
	if (out.fmt == SMI_FMT_JSON)
		fputs("\n}\n", out.f);
	if (fflush(out.f) || ferror(out.f) || out.failed)
		return -EIO;
	return 0;
}

static void row_free(struct out_rowbuf *row)
{
	unsigned int i;

	for (i = 0; i < row->num; i++) {
		free(row->fields[i].key);
		free(row->fields[i].val);
	}
	free(row->fields);
	row->fields = NULL;
	row->num = 0;
}

void out_table(const char *name, unsigned int flags)
{
	out.flags = flags;
	out.rows = 0;
	if (out.fmt == SMI_FMT_JSON) {
		fputs(out.tables ? ",\n  " : "\n  ", out.f);
		out_json_string(out.f, name);
		fputs(": [", out.f);
	}
	out.tables++;
}

void out_text_note(const char *msg)
{
	if (out.fmt != SMI_FMT_TEXT)
		return;
	if (out.printed++)
		fputc('\n', out.f);
	fprintf(out.f, "%s\n", msg);
}

static bool shown(const struct out_field *fld)
{
	return out.fmt != SMI_FMT_TEXT || !(fld->flags & OUT_NOTEXT);
}

static const char *text_val(const struct out_field *fld)
{
	return fld->val ? fld->val : "-";
}

static void text_key(const char *key, unsigned int width)
{
	unsigned int n;

	for (n = 0; key[n]; n++)
		fputc(key[n] >= 'a' && key[n] <= 'z' ? key[n] - 'a' + 'A' : key[n],
		      out.f);
	for (; n < width; n++)
		fputc(' ', out.f);
}

/* one line of columns; @header prints the keys instead of the values */
static void text_line(const struct out_rowbuf *row, const unsigned int *width,
		      unsigned int num_width, bool header)
{
	unsigned int i, col = 0;

	for (i = 0; i < row->num; i++) {
		const struct out_field *fld = &row->fields[i];
		unsigned int w = col < num_width ? width[col] : 0;
		bool last = col + 1 == num_width;

		if (!shown(fld))
			continue;
		if (col)
			fputs("  ", out.f);
		if (header)
			text_key(fld->key, last ? 0 : w);
		else
			fprintf(out.f, "%-*s", last ? 0 : (int)w, text_val(fld));
		col++;
	}
	fputc('\n', out.f);
}

static unsigned int text_columns(const struct out_rowbuf *row)
{
	unsigned int i, n = 0;

	for (i = 0; i < row->num; i++)
		n += shown(&row->fields[i]);
	return n;
}

/* widen @width (@num columns) to the keys and values of @row */
static void text_widths(const struct out_rowbuf *row, unsigned int *width,
			unsigned int num)
{
	unsigned int i, col = 0, n;

	for (i = 0; i < row->num && col < num; i++) {
		const struct out_field *fld = &row->fields[i];

		if (!shown(fld))
			continue;
		n = strlen(fld->key);
		if (width[col] < n)
			width[col] = n;
		n = strlen(text_val(fld));
		if (width[col] < n)
			width[col] = n;
		col++;
	}
}

static void text_block(const struct out_rowbuf *row)
{
	unsigned int i, w = 0, n;

	if (out.printed++)
		fputc('\n', out.f);
	for (i = 0; i < row->num; i++) {
		n = strlen(row->fields[i].key);
		if (shown(&row->fields[i]) && n > w)
			w = n;
	}
	for (i = 0; i < row->num; i++) {
		if (!shown(&row->fields[i]))
			continue;
		fprintf(out.f, "%-*s : %s\n", (int)w, row->fields[i].key,
			text_val(&row->fields[i]));
	}
}

static void text_stream_row(const struct out_rowbuf *row)
{
	if (!out.width) {
		out.num_width = text_columns(row);
		out.width = calloc(out.num_width ?: 1, sizeof(*out.width));
		if (!out.width) {
			out.failed = true;
			return;
		}
		text_widths(row, out.width, out.num_width);
		if (out.printed++)
			fputc('\n', out.f);
		text_line(row, out.width, out.num_width, true);
	}
	text_line(row, out.width, out.num_width, false);
	fflush(out.f);
}

static void csv_row(const struct out_rowbuf *row)
{
	unsigned int i;

	if (!out.rows) {
		for (i = 0; i < row->num; i++) {
			if (i)
				fputc(',', out.f);
			out_csv_field(out.f, row->fields[i].key);
		}
		fputc('\n', out.f);
	}
	for (i = 0; i < row->num; i++) {
		if (i)
			fputc(',', out.f);
		if (row->fields[i].val)
			out_csv_field(out.f, row->fields[i].val);
	}
	fputc('\n', out.f);
}

static void json_row(const struct out_rowbuf *row)
{
	unsigned int i;

	fputs(out.rows ? ",\n    {" : "\n    {", out.f);
	for (i = 0; i < row->num; i++) {
		const struct out_field *fld = &row->fields[i];

		if (i)
			fputs(", ", out.f);
		out_json_string(out.f, fld->key);
		fputs(": ", out.f);
		if (!fld->val)
			fputs("null", out.f);
		else if (fld->quote)
			out_json_string(out.f, fld->val);
		else
			fputs(fld->val, out.f);
	}
	fputc('}', out.f);
}

void out_row(void)
{
	row_free(&out.cur);
}

void out_row_end(void)
{
	struct out_rowbuf *buf;

	switch (out.fmt) {
	case SMI_FMT_JSON:
		json_row(&out.cur);
		if (out.flags & OUT_STREAM)
			fflush(out.f);
		break;
	case SMI_FMT_CSV:
		if (!(out.flags & OUT_PRIMARY))
			break;
		csv_row(&out.cur);
		if (out.flags & OUT_STREAM)
			fflush(out.f);
		break;
	case SMI_FMT_TEXT:
		if (out.flags & OUT_BLOCKS) {
			text_block(&out.cur);
			break;
		}
		if (out.flags & OUT_STREAM) {
			text_stream_row(&out.cur);
			break;
		}
		buf = realloc(out.buf, (out.num_buf + 1) * sizeof(*buf));
		if (!buf) {
			out.failed = true;
			break;
		}
		out.buf = buf;
		out.buf[out.num_buf++] = out.cur;
		out.cur.fields = NULL;
		out.cur.num = 0;
		break;
	}
	row_free(&out.cur);
	out.rows++;
}

/*
 * End a row that only names the columns: CSV prints its keys as the header
 * of a table that has no row, so that an empty table still has one; the
 * other formats drop it.
 */
void out_row_header(void)
{
	unsigned int i;

	if (out.fmt == SMI_FMT_CSV && (out.flags & OUT_PRIMARY) && !out.rows) {
		for (i = 0; i < out.cur.num; i++) {
			if (i)
				fputc(',', out.f);
			out_csv_field(out.f, out.cur.fields[i].key);
		}
		fputc('\n', out.f);
	}
	row_free(&out.cur);
}

static void text_table(void)
{
	unsigned int *width, num, i;

	if (!out.num_buf)
		return;
	num = text_columns(&out.buf[0]);
	width = calloc(num ?: 1, sizeof(*width));
	if (!width) {
		out.failed = true;
		return;
	}
	for (i = 0; i < out.num_buf; i++)
		text_widths(&out.buf[i], width, num);
	if (out.printed++)
		fputc('\n', out.f);
	text_line(&out.buf[0], width, num, true);
	for (i = 0; i < out.num_buf; i++)
		text_line(&out.buf[i], width, num, false);
	free(width);
}

void out_table_end(void)
{
	unsigned int i;

	switch (out.fmt) {
	case SMI_FMT_JSON:
		fputs(out.rows ? "\n  ]" : "]", out.f);
		break;
	case SMI_FMT_CSV:
		break;
	case SMI_FMT_TEXT:
		text_table();
		break;
	}
	for (i = 0; i < out.num_buf; i++)
		row_free(&out.buf[i]);
	free(out.buf);
	out.buf = NULL;
	out.num_buf = 0;
	free(out.width);
	out.width = NULL;
	out.num_width = 0;
	row_free(&out.cur);
}

static void add(const char *key, const char *val, bool quote,
		unsigned int flags)
{
	struct out_field *fields, *fld;

	fields = realloc(out.cur.fields, (out.cur.num + 1) * sizeof(*fields));
	if (!fields) {
		out.failed = true;
		return;
	}
	out.cur.fields = fields;
	fld = &fields[out.cur.num];
	fld->key = strdup(key);
	fld->val = val ? strdup(val) : NULL;
	fld->quote = quote;
	fld->flags = flags;
	if (!fld->key || (val && !fld->val)) {
		free(fld->key);
		free(fld->val);
		out.failed = true;
		return;
	}
	out.cur.num++;
}

void out_str(const char *key, const char *val, unsigned int flags)
{
	add(key, val, true, flags);
}

void out_null(const char *key, unsigned int flags)
{
	add(key, NULL, false, flags);
}

void out_u64(const char *key, __u64 val, unsigned int flags)
{
	char s[24];

	snprintf(s, sizeof(s), "%llu", val);
	add(key, s, false, flags);
}

void out_s64(const char *key, __s64 val, unsigned int flags)
{
	char s[24];

	snprintf(s, sizeof(s), "%lld", val);
	add(key, s, false, flags);
}

void out_bool(const char *key, bool val, unsigned int flags)
{
	if (out.fmt == SMI_FMT_TEXT)
		add(key, val ? "yes" : "no", false, flags);
	else
		add(key, val ? "true" : "false", false, flags);
}

void out_dbl(const char *key, double val, int prec, bool valid,
	     unsigned int flags)
{
	char s[48];

	if (!valid) {
		add(key, NULL, false, flags);
		return;
	}
	snprintf(s, sizeof(s), "%.*f", prec, val);
	add(key, s, false, flags);
}

/* a JSON string: every byte outside printable ASCII as \u00XX */
void out_json_string(FILE *f, const char *s)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* a CSV field, in double quotes if it has a comma, quote, line break or
 * white space at either end (RFC 4180)
 */
void out_csv_field(FILE *f, const char *s)
{
	size_t n = strlen(s);

	if (!strpbrk(s, ",\"\r\n") &&
	    !(n && (s[0] == ' ' || s[n - 1] == ' '))) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
