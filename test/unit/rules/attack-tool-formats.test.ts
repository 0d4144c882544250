import commandAndControl from '../../../src/engine/rules/command-and-control-tool';
import flooding from '../../../src/engine/rules/flooding-tool';
import scanner from '../../../src/engine/rules/scanner-or-exploitation-tool';
import { ruleTester } from '../rule-tester';

// AUP-ATK-002/003/004 on Dockerfiles, startup scripts, cloud-init, Terraform JSON and ARM templates.

ruleTester.run(scanner, {
	flagged: [
		{
			name: 'a Kali base image and Nmap run at build time in a Dockerfile',
			path: 'Dockerfile',
			source: `FROM kalilinux/kali-rolling:latest
RUN apt-get update && apt-get install -y nmap
RUN nmap -sV 192.0.2.0/24 -oX /tmp/scan.xml
`,
			findings: [
				{ ruleId: 'AUP-ATK-003', line: 0, character: 5, endLine: 0, endCharacter: 27, text: 'kalilinux/kali-rolling', message: /^Container image \('FROM' in this file\) is the penetration-testing tool Kali Linux\./ },
				{ ruleId: 'AUP-ATK-003', line: 2, character: 4, endLine: 2, endCharacter: 8, text: 'nmap', message: /runs the penetration-testing tool Nmap/ },
			],
		},
		{
			name: 'sqlmap in an ARM custom script extension',
			path: 'azuredeploy.json',
			source: `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2023-03-01",
      "name": "vm1/setup",
      "properties": {
        "publisher": "Microsoft.Azure.Extensions",
        "type": "CustomScript",
        "typeHandlerVersion": "2.1",
        "settings": {
          "commandToExecute": "sqlmap -u https://shop.example.net/item?id=1 --batch"
        }
      }
    }
  ]
}
`,
			findings: [{ ruleId: 'AUP-ATK-003', line: 13, character: 31, endLine: 13, endCharacter: 37, text: 'sqlmap' }],
		},
	],
	clean: [
		{
			name: 'a Dockerfile that installs Nmap into a debugging image without running it',
			path: 'Dockerfile',
			source: `FROM debian:12-slim
# Tools for on-call debugging: nmap, dig, curl
RUN apt-get update && apt-get install -y nmap dnsutils curl && rm -rf /var/lib/apt/lists/*
CMD ["sleep", "infinity"]
`,
		},
	],
});

ruleTester.run(flooding, {
	flagged: [
		{
			name: 'hping3 flooding from a startup script',
			path: 'scripts/start.sh',
			source: `#!/bin/bash
set -e
hping3 --flood --rand-source -S -p 80 203.0.113.50
`,
			findings: [{ ruleId: 'AUP-ATK-002', line: 2, character: 0, endLine: 2, endCharacter: 14, text: 'hping3 --flood', message: /^This command \('script' in this file\) runs hping3 in flood mode/ }],
		},
		{
			name: 'db1000n fetched in a cloud-init runcmd',
			path: 'cloud-init/node.yaml',
			source: `#cloud-config
runcmd:
  - [ wget, -q, "https://github.com/arriven/db1000n/releases/latest/download/db1000n_linux_amd64.tar.gz" ]
`,
			findings: [{ ruleId: 'AUP-ATK-002', line: 2, character: 44, endLine: 2, endCharacter: 51, text: 'db1000n', message: /^This wget command \('runcmd' in this file\) fetches or installs the flooding tool db1000n/ }],
		},
	],
	clean: [
		{
			name: 'a wrk benchmark in a startup script',
			path: 'scripts/bench.sh',
			source: `#!/bin/bash
wrk -t2 -c50 -d30s https://staging.internal.example/health
hping3 -c 1 -S -p 443 staging.internal.example
`,
		},
	],
});

ruleTester.run(commandAndControl, {
	flagged: [
		{
			name: 'a Sliver server in Terraform JSON user data',
			path: 'main.tf.json',
			source: `{
  "resource": {
    "aws_instance": {
      "relay": {
        "ami": "ami-0c55b159cbfafe1f0",
        "instance_type": "t3.small",
        "user_data": "#!/bin/bash\\n/opt/sliver/sliver-server daemon\\n"
      }
    }
  }
}
`,
			findings: [{ ruleId: 'AUP-ATK-004', line: 6, character: 47, endLine: 6, endCharacter: 60, text: 'sliver-server', message: /'user_data' of aws_instance\.relay/ }],
		},
	],
	clean: [
		{
			name: 'a Terraform JSON instance that registers with Systems Manager',
			path: 'main.tf.json',
			source: `{
  "resource": {
    "aws_instance": {
      "worker": {
        "ami": "ami-0c55b159cbfafe1f0",
        "instance_type": "t3.small",
        "user_data": "#!/bin/bash\\nsystemctl enable --now amazon-ssm-agent\\n",
        "tags": { "Purpose": "replaces the old teamserver box" }
      }
    }
  }
}
`,
		},
	],
});
