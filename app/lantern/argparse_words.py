"""The words argparse prints, listed for the command line's catalogue.

Written by resources/translations/update_cli.py from argparse's own source; never
imported by Lantern. argparse says these through gettext, and while another language
is spoken `lantern.cli_parser.argparse_speaking` answers it from the catalogue.
"""

from lantern.core.messages import translate

WORDS = (
    translate("argparse", '%(prog)s: error: %(message)s\n'),
    translate("argparse", '%r is not callable'),
    translate("argparse", "'required' is an invalid argument for positionals"),
    translate("argparse", '.__call__() not defined'),
    translate("argparse", 'ambiguous option: %(option)s could match %(matches)s'),
    translate("argparse", 'argument "-" with mode %r'),
    translate("argparse", 'argument %(argument_name)s: %(message)s'),
    translate("argparse", "can't open '%(filename)s': %(error)s"),
    translate("argparse", 'cannot have multiple subparser arguments'),
    translate("argparse", 'cannot merge actions - two groups are named %r'),
    translate("argparse", 'conflicting subparser alias: %s'),
    translate("argparse", 'conflicting subparser: %s'),
    translate("argparse", 'dest= is required for options like %r'),
    translate("argparse", 'expected at least one argument'),
    translate("argparse", 'expected at most one argument'),
    translate("argparse", 'expected one argument'),
    translate("argparse", 'ignored explicit argument %r'),
    translate("argparse", 'invalid %(type)s value: %(value)r'),
    translate("argparse", 'invalid choice: %(value)r (choose from %(choices)s)'),
    translate("argparse", 'invalid conflict_resolution value: %r'),
    translate("argparse", 'invalid option string %(option)r: must start with a character %(prefix_chars)r'),
    translate("argparse", 'mutually exclusive arguments must be optional'),
    translate("argparse", 'not allowed with argument %s'),
    translate("argparse", 'one of the arguments %s is required'),
    translate("argparse", 'options'),
    translate("argparse", 'positional arguments'),
    translate("argparse", "show program's version number and exit"),
    translate("argparse", 'show this help message and exit'),
    translate("argparse", 'the following arguments are required: %s'),
    translate("argparse", 'unexpected option string: %s'),
    translate("argparse", 'unknown parser %(parser_name)r (choices: %(choices)s)'),
    translate("argparse", 'unrecognized arguments: %s'),
    translate("argparse", 'usage: '),
    translate("argparse", 'conflicting option string: %s', 'conflicting option strings: %s', 2),
    translate("argparse", 'expected %s argument', 'expected %s arguments', 2),
)
