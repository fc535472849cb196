/* commands.h: the subcommands of the heard executable, one file each (cmd_<name>.c).
 * Each takes the arguments after its name (argv[0] is the subcommand) and returns the
 * process exit code: 0 success, 1 a failed check or verification, 2 a usage or input error. */
#ifndef HEARD_COMMANDS_H
#define HEARD_COMMANDS_H

int cmd_play(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
