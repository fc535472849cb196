/* pattern.c: a backtracking matcher for Lua's string patterns, written from the pattern
 * syntax of the Lua 5.4 reference manual (§6.4.1), that counts its steps (pattern.h).
 *
 * The matcher recurses once per pattern item that may need to give characters back (a
 * capture, '?', '*', '-', '+'), to at most PATTERN_MAX_DEPTH levels, like Lua's. Any error
 * (a malformed pattern, or the charge function saying stop) is stored in m->error and every
 * level returns NULL at once.
 *
 * Depends on: libc only.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "engine/script/pattern.h"

#define ESC '%'
#define SPECIALS "^$*+?.([%-"

/* A set's bytes / SET_BYTES_PER_STEP is its cost in steps each time it is read. */
#define SET_BYTES_PER_STEP 16

void pattern_begin(Pattern *m, const char *s, size_t ls, const char *p, size_t lp,
                   PatternCharge charge, void *ud)
{
    m->src_init = s;
    m->src_end = s + ls;
    m->p_init = p;
    m->p_end = p + lp;
    m->level = 0;
    m->error = PATTERN_OK;
    m->error_index = 0;
    m->depth = PATTERN_MAX_DEPTH;
    m->steps = 0;
    m->charge = charge;
    m->ud = ud;
}

int pattern_flush(Pattern *m)
{
    long n = m->steps;
    m->steps = 0;
    if (m->charge != NULL && n > 0 && m->charge(m->ud, n)) {
        m->error = PATTERN_ERR_STOPPED;
        return 1;
    }
    return m->error != PATTERN_OK;
}

int pattern_add_steps(Pattern *m, long n)
{
    m->steps += n;
    return m->steps >= PATTERN_QUANTUM ? pattern_flush(m) : 0;
}

/* One step; nonzero when the match must stop. */
static inline int step(Pattern *m)
{
    return ++m->steps >= PATTERN_QUANTUM && pattern_flush(m);
}

static const char *fail(Pattern *m, int code)
{
    if (m->error == PATTERN_OK)
        m->error = code;
    return NULL;
}

/* ===== Single characters ================================================= */

/* Whether C is in class CL ("%a" gives 'a'); an upper-case class is the complement, and
 * any other character stands for itself. */
static int in_class(int c, int cl)
{
    int res;
    switch (tolower(cl)) {
    case 'a':
        res = isalpha(c);
        break;
    case 'c':
        res = iscntrl(c);
        break;
    case 'd':
        res = isdigit(c);
        break;
    case 'g':
        res = isgraph(c);
        break;
    case 'l':
        res = islower(c);
        break;
    case 'p':
        res = ispunct(c);
        break;
    case 's':
        res = isspace(c);
        break;
    case 'u':
        res = isupper(c);
        break;
    case 'w':
        res = isalnum(c);
        break;
    case 'x':
        res = isxdigit(c);
        break;
    case 'z': /* the NUL byte: gone from the manual, still in Lua */
        res = c == 0;
        break;
    default:
        return cl == c;
    }
    if (isupper(cl))
        res = !res;
    return res != 0;
}

/* Whether C is in the set that starts at P ('[') and closes at END (']'). */
static int in_set(int c, const char *p, const char *end)
{
    int want = 1;
    p++;
    if (*p == '^') {
        want = 0;
        p++;
    }
    for (; p < end; p++) {
        if (*p == ESC) {
            p++;
            if (in_class(c, (unsigned char)*p))
                return want;
        } else if (p + 2 < end && p[1] == '-') {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return want;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return want;
        }
    }
    return !want;
}

/* The end of the single-character class at P (one past it), or NULL with m->error set. */
static const char *class_end(Pattern *m, const char *p)
{
    const char *start = p;
    char c = *p++;
    if (c == ESC) {
        if (p >= m->p_end)
            return fail(m, PATTERN_ERR_ENDS_PERCENT);
        return p + 1;
    }
    if (c != '[')
        return p;
    if (p < m->p_end && *p == '^')
        p++;
    /* The first character of a set is part of it even when it is ']'. */
    do {
        if (p >= m->p_end)
            return fail(m, PATTERN_ERR_MISSING_BRACKET);
        c = *p++;
        if (c == ESC && p < m->p_end)
            p++;
    } while (p >= m->p_end || *p != ']');
    if ((p - start) >= SET_BYTES_PER_STEP &&
        pattern_add_steps(m, (long)((p - start) / SET_BYTES_PER_STEP)))
        return NULL;
    return p + 1;
}

/* Whether the character at S matches the class from P to EP. */
static int single(Pattern *m, const char *s, const char *p, const char *ep)
{
    if (s >= m->src_end)
        return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.':
        return 1;
    case ESC:
        return in_class(c, (unsigned char)p[1]);
    case '[':
        return in_set(c, p, ep - 1);
    default:
        return (unsigned char)*p == c;
    }
}

/* ===== Items ============================================================= */

static const char *do_match(Pattern *m, const char *s, const char *p);

/* The longest run of the class, then shorter ones until the rest matches. */
static const char *max_expand(Pattern *m, const char *s, const char *p, const char *ep)
{
    ptrdiff_t i = 0;
    while (single(m, s + i, p, ep)) {
        i++;
        if (step(m))
            return NULL;
    }
    for (; i >= 0; i--) {
        const char *r = do_match(m, s + i, ep + 1);
        if (r != NULL || m->error)
            return r;
        if (step(m))
            return NULL;
    }
    return NULL;
}

/* The shortest run of the class for which the rest matches. */
static const char *min_expand(Pattern *m, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = do_match(m, s, ep + 1);
        if (r != NULL || m->error)
            return r;
        if (!single(m, s, p, ep) || step(m))
            return NULL;
        s++;
    }
}

static const char *start_capture(Pattern *m, const char *s, const char *p, ptrdiff_t what)
{
    if (m->level >= PATTERN_MAX_CAPTURES)
        return fail(m, PATTERN_ERR_TOO_MANY);
    m->capture[m->level].init = s;
    m->capture[m->level].len = what;
    m->level++;
    const char *r = do_match(m, s, p);
    if (r == NULL)
        m->level--;
    return r;
}

static const char *end_capture(Pattern *m, const char *s, const char *p)
{
    int l = m->level - 1;
    while (l >= 0 && m->capture[l].len != PATTERN_CAP_UNFINISHED)
        l--;
    if (l < 0)
        return fail(m, PATTERN_ERR_CLOSE);
    m->capture[l].len = s - m->capture[l].init;
    const char *r = do_match(m, s, p);
    if (r == NULL)
        m->capture[l].len = PATTERN_CAP_UNFINISHED;
    return r;
}

/* %bxy at S, with P at x. */
static const char *match_balance(Pattern *m, const char *s, const char *p)
{
    if (p + 1 >= m->p_end)
        return fail(m, PATTERN_ERR_BALANCE);
    if (s >= m->src_end || *s != p[0])
        return NULL;
    char open = p[0], close = p[1];
    int depth = 1;
    while (++s < m->src_end) {
        if (step(m))
            return NULL;
        if (*s == close) {
            if (--depth == 0)
                return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

/* %N (N a digit) at S: the text of capture N again. */
static const char *match_back(Pattern *m, const char *s, int digit)
{
    int l = digit - '1';
    if (l < 0 || l >= m->level || m->capture[l].len == PATTERN_CAP_UNFINISHED) {
        m->error_index = l + 1;
        return fail(m, PATTERN_ERR_CAPTURE_INDEX);
    }
    ptrdiff_t len = m->capture[l].len;
    if (len < 0 || m->src_end - s < len)
        return NULL; /* a position capture is no text */
    if (pattern_add_steps(m, (long)(len / SET_BYTES_PER_STEP)))
        return NULL;
    return memcmp(m->capture[l].init, s, (size_t)len) == 0 ? s + len : NULL;
}

/* %f[set] at S, with P at the '['. Returns the pattern position after the set, or NULL. */
static const char *match_frontier(Pattern *m, const char *s, const char *p)
{
    if (p >= m->p_end || *p != '[')
        return fail(m, PATTERN_ERR_FRONTIER);
    const char *ep = class_end(m, p);
    if (ep == NULL)
        return NULL;
    int prev = s == m->src_init ? 0 : (unsigned char)s[-1];
    int cur = s < m->src_end ? (unsigned char)*s : 0;
    if (!in_set(prev, p, ep - 1) && in_set(cur, p, ep - 1))
        return ep;
    return NULL;
}

/* A single-character class at P, possibly followed by a repetition; the rest of the
 * pattern is matched from there. Sets *NEXT_P and returns S advanced when the caller's
 * loop should go on; returns NULL with *NEXT_P NULL when the match is decided (*RESULT). */
static const char *do_class(Pattern *m, const char *s, const char *p, const char **next_p,
                            const char **result)
{
    *next_p = NULL;
    const char *ep = class_end(m, p);
    if (ep == NULL) {
        *result = NULL;
        return NULL;
    }
    int rep = ep < m->p_end ? *ep : '\0';
    if (!single(m, s, p, ep)) {
        if (rep == '*' || rep == '?' || rep == '-') { /* accepts none */
            *next_p = ep + 1;
            return s;
        }
        *result = NULL;
        return NULL;
    }
    switch (rep) {
    case '?': {
        const char *r = do_match(m, s + 1, ep + 1);
        if (r != NULL || m->error) {
            *result = r;
            return NULL;
        }
        *next_p = ep + 1;
        return s;
    }
    case '+':
        *result = max_expand(m, s + 1, p, ep);
        return NULL;
    case '*':
        *result = max_expand(m, s, p, ep);
        return NULL;
    case '-':
        *result = min_expand(m, s, p, ep);
        return NULL;
    default:
        *next_p = ep;
        return s + 1;
    }
}

static const char *do_match(Pattern *m, const char *s, const char *p)
{
    if (m->depth-- == 0)
        return fail(m, PATTERN_ERR_TOO_COMPLEX);
    const char *r = NULL;
    while (p < m->p_end) {
        if (step(m)) {
            r = NULL;
            goto out;
        }
        if (*p == '(') {
            if (p + 1 < m->p_end && p[1] == ')')
                r = start_capture(m, s, p + 2, PATTERN_CAP_POSITION);
            else
                r = start_capture(m, s, p + 1, PATTERN_CAP_UNFINISHED);
            goto out;
        }
        if (*p == ')') {
            r = end_capture(m, s, p + 1);
            goto out;
        }
        if (*p == '$' && p + 1 == m->p_end) {
            r = s == m->src_end ? s : NULL;
            goto out;
        }
        if (*p == ESC && p + 1 < m->p_end) {
            char c = p[1];
            if (c == 'b') {
                s = match_balance(m, s, p + 2);
                if (s == NULL) {
                    r = NULL;
                    goto out;
                }
                p += 4;
                continue;
            }
            if (c == 'f') {
                const char *after = match_frontier(m, s, p + 2);
                if (after == NULL) {
                    r = NULL;
                    goto out;
                }
                p = after;
                continue;
            }
            if (isdigit((unsigned char)c)) {
                s = match_back(m, s, c);
                if (s == NULL) {
                    r = NULL;
                    goto out;
                }
                p += 2;
                continue;
            }
        }
        const char *next_p;
        s = do_class(m, s, p, &next_p, &r);
        if (next_p == NULL)
            goto out;
        p = next_p;
    }
    r = s;
out:
    m->depth++;
    return m->error ? NULL : r;
}

const char *pattern_match(Pattern *m, const char *at, const char *pat)
{
    m->level = 0;
    m->depth = PATTERN_MAX_DEPTH;
    return do_match(m, at, pat);
}

/* ===== Plain text ======================================================== */

int pattern_is_plain(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr(SPECIALS, p[i]) != NULL)
            return 0;
    return 1;
}

ptrdiff_t pattern_find_text(Pattern *m, size_t init, const char *p, size_t lp)
{
    size_t ls = (size_t)(m->src_end - m->src_init);
    if (lp == 0)
        return (ptrdiff_t)init;
    if (lp > ls || init > ls - lp)
        return -1;
    const char *s = m->src_init + init;
    const char *last = m->src_end - lp; /* the last place the text can start */
    long per_try = 1 + (long)(lp / SET_BYTES_PER_STEP);
    while (s <= last) {
        const char *hit = memchr(s, p[0], (size_t)(last - s) + 1);
        const char *upto = hit != NULL ? hit : last + 1;
        if (pattern_add_steps(m, 1 + (long)((upto - s) / SET_BYTES_PER_STEP)))
            return -1;
        if (hit == NULL)
            return -1;
        if (pattern_add_steps(m, per_try))
            return -1;
        if (memcmp(hit + 1, p + 1, lp - 1) == 0)
            return hit - m->src_init;
        s = hit + 1;
    }
    return -1;
}

/* ===== Messages ========================================================== */

const char *pattern_error_text(const Pattern *m, char *buf, size_t size)
{
    const char *text;
    switch (m->error) {
    case PATTERN_ERR_ENDS_PERCENT:
        text = "malformed pattern (ends with '%')";
        break;
    case PATTERN_ERR_MISSING_BRACKET:
        text = "malformed pattern (missing ']')";
        break;
    case PATTERN_ERR_FRONTIER:
        text = "missing '[' after '%f' in pattern";
        break;
    case PATTERN_ERR_BALANCE:
        text = "malformed pattern (missing arguments to '%b')";
        break;
    case PATTERN_ERR_CAPTURE_INDEX:
        snprintf(buf, size, "invalid capture index %%%d", m->error_index);
        return buf;
    case PATTERN_ERR_CLOSE:
        text = "invalid pattern capture";
        break;
    case PATTERN_ERR_TOO_MANY:
        text = "too many captures";
        break;
    case PATTERN_ERR_TOO_COMPLEX:
        text = "pattern too complex";
        break;
    case PATTERN_ERR_STOPPED:
        text = "the pattern was stopped";
        break;
    default:
        text = "";
        break;
    }
    snprintf(buf, size, "%s", text);
    return buf;
}
