/* binary_test.h: what the tests that drive the real `heard` binary share — where the binary
 * is, a temporary folder per test, running a shell command and capturing its output, copying
 * an input file into the temporary folder, reading a screenshot's size (BMP or PNG) and playing the
 * two-round session the replay, export and play tests start from. libc and cmocka only; the helpers
 * that cannot fail on good inputs fail the running test instead of returning an error. */
#ifndef HEARD_TESTS_BINARY_TEST_H
#define HEARD_TESTS_BINARY_TEST_H

#include <stddef.h>

/* The heard binary to run: $HEARD_BIN (ctest sets it), else ./build/heard. Borrowed. */
const char *bt_bin(void);

/* Makes a new folder /tmp/heard-NAME-XXXXXX and writes its path into BUF (N bytes).
 * Returns 0, or -1 when the path does not fit or mkdtemp fails (BUF is then unspecified). */
int bt_tmpdir_create(char *buf, size_t n, const char *name);

/* Removes DIR and everything below it (rm -rf). Returns 0, or -1 when DIR is empty, holds a
 * single quote, or rm fails. */
int bt_rmrf(const char *dir);

/* Runs CMD with the shell and captures up to N - 1 bytes of its stdout in OUT (N >= 1),
 * NUL-terminated; stderr goes wherever CMD sends it ("2>&1" to capture it too). Returns the
 * exit status, or -1 when the command was ended by a signal. Fails the test when the shell
 * cannot be started. */
int bt_run(const char *cmd, char *out, size_t n);

/* Copies the input file SRC to DST with the first "SHOTS" on each line replaced by
 * SHOTS_DIR, so screenshots land in the test's folder. Fails the test when either file cannot
 * be opened. */
void bt_copy_input(const char *src, const char *dst, const char *shots_dir);

/* Reads row Y (counted from the top) of the 24- or 32-bit BMP at PATH (the game's screenshots)
 * into OUT as 0xrrggbb colours, at most N of them. Returns the image's width. Fails the test
 * when PATH is not such a BMP or Y is outside it. */
int bt_bmp_row(const char *path, int y, unsigned *out, int n);

/* Reads the width and height (made positive) of the BMP at PATH from its header. Fails the
 * test when the file cannot be read or is not a BMP. */
void bt_bmp_size(const char *path, int *w, int *h);

/* Reads the width and height of the PNG at PATH from its IHDR chunk. Fails the test when
 * the file cannot be read or does not start with the PNG signature and an IHDR chunk. */
void bt_png_size(const char *path, int *w, int *h);

/* Plays the two-round microwave session headless from
 * tests/data/play/microwave-two-rounds.txt (copied to DIR/input.txt, so its screenshots land
 * in DIR; the game's data in DIR/data), with EXTRA ("" for none) added to the command line.
 * Writes the path of the session the game saved into SAVED (N bytes), and what it printed,
 * stderr included, into OUT (OUT_N bytes) for the caller's messages. Returns 0, or -1 when
 * the game did not exit with 0 or did not say where it saved the session. Fails the test when
 * the input file cannot be copied. */
int bt_play_two_rounds(const char *dir, const char *extra, char *saved, size_t n, char *out,
                       size_t out_n);

#endif
