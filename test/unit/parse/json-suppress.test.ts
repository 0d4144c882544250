import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/engine/finding';
import { scanText } from '../helpers/engine';

/**
 * JSON with comments (ARM templates allow them; jsonc-parser accepts them everywhere) carries
 * suppressions like any other format: a comment on its own line covers the element below it.
 */
/** Only the rule the directives name, so other rules' findings on the same file do not matter here. */
const onlyNet001 = (findings: readonly Finding[]): [string, number, string | undefined][] =>
	findings.filter(finding => finding.ruleId === 'AUP-NET-001').map(finding => [finding.ruleId, finding.range.start.line, finding.suppressed?.reason]);

describe('JSON parser: suppression comments', () => {
	const source = `{
  "resource": {
    "aws_security_group": {
      "bastion": {
        "ingress": [
          // aup-guard-ignore AUP-NET-001: bastion, reachable only until the VPN is up until=2026-12-31
          { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] },
          { "from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] } /* aup-guard-ignore AUP-NET-001: jump host for the Windows build farm */
        ]
      }
    }
  }
}
`;

	it('a comment line above an object covers it, and a block comment at the end of a line covers that line', async () => {
		const result = await scanText('main.tf.json', source);
		assert.deepEqual(result.notes, []);
		assert.deepEqual(onlyNet001(result.findings), [
			['AUP-NET-001', 6, 'bastion, reachable only until the VPN is up'],
			['AUP-NET-001', 7, 'jump host for the Windows build farm'],
		]);
	});

	it('an expired one covers nothing', async () => {
		const result = await scanText('main.tf.json', source.replace('until=2026-12-31', 'until=2026-01-31'));
		assert.deepEqual(onlyNet001(result.findings), [
			['AUP-NET-001', 6, undefined],
			['AUP-NET-001', 7, 'jump host for the Windows build farm'],
		]);
	});
});
