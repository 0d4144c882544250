import rule from '../../../src/engine/rules/all-ports-open-to-internet';
import { ruleTester } from '../rule-tester';

const id = 'AUP-NET-002';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'protocol -1 from everywhere in a Terraform security group',
			path: 'lab.tf',
			source: `resource "aws_security_group" "lab" {
  name   = "lab"
  vpc_id = aws_vpc.lab.id

  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
			findings: [
				{ ruleId: id, line: 8, character: 25, endLine: 8, endCharacter: 34, text: '0.0.0.0/0', message: 'aws_security_group.lab opens every port and protocol to the whole internet (0.0.0.0/0). Open only the ports the service needs, and the rest only to known sources (AUP section 3).' },
				{ ruleId: id, line: 9, character: 25, endLine: 9, endCharacter: 29, text: '::/0' },
			],
		},
		{
			name: 'every TCP port in a rule resource and all traffic in a VPC ingress rule',
			path: 'rules.tf',
			source: `resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "all_v6" {
  security_group_id = aws_security_group.app.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
`,
			findings: [
				{ ruleId: id, line: 5, character: 24, endLine: 5, endCharacter: 33, text: '0.0.0.0/0', message: /^aws_security_group_rule\.all_tcp opens every TCP port to the whole internet/ },
				{ ruleId: id, line: 11, character: 23, endLine: 11, endCharacter: 27, text: '::/0', message: /opens every port and protocol/ },
			],
		},
		{
			name: 'IpProtocol -1 in CloudFormation',
			path: 'sg.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OpenSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: temporary debugging
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
`,
			findings: [{ ruleId: id, line: 9, character: 18, endLine: 9, endCharacter: 27, text: '0.0.0.0/0', message: /^AWS::EC2::SecurityGroup 'OpenSG' opens every port and protocol/ }],
		},
	],
	clean: [
		{
			name: 'all egress to the internet, and all ports from inside the VPC',
			path: 'app.tf',
			source: `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }

  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
		},
		{
			name: 'HTTPS and the ephemeral port range',
			path: 'lb.tf',
			source: `resource "aws_security_group_rule" "https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lb.id
}

resource "aws_security_group_rule" "ephemeral_udp" {
  type              = "ingress"
  from_port         = 32768
  to_port           = 65535
  protocol          = "udp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lb.id
}
`,
		},
		{
			name: 'CloudFormation egress to the world and all traffic from a prefix list',
			path: 'egress.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: "app tier; -1 from 0.0.0.0/0 is not allowed"
      SecurityGroupIngress:
        - IpProtocol: "-1"
          SourcePrefixListId: pl-0123456789abcdef0
      SecurityGroupEgress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
`,
		},
	],
});
